/**
 * The {@code filebased} backend (Django's {@code FileBasedCache}): one {@code .djcache} file per
 * key in Django's layout, readable by a Django app that shares the directory.
 *
 * @since 0.1
 */
package io.larder.file;
