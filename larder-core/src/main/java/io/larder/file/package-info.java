/**
 * The {@code filebased} backend (Django's {@code FileBasedCache}): one {@code .djcache} file per
 * key in Django's layout, readable by a Django app that shares the directory.
 *
 * <p>Applications name it {@code backend: filebased} and may {@link io.larder.Cache#unwrap} a
 * cache to {@link io.larder.file.FileBasedStore}; {@link io.larder.file.FileBackend} is public for
 * {@code java.util.ServiceLoader}. The file format's reader, writer, locks and culling are
 * package-private.
 *
 * @since 0.1
 */
package io.larder.file;
