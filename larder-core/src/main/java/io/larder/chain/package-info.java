/**
 * The {@code chain} backend: layered caches (a local tier in front of a shared one), read from the
 * first tier that has the key and written through to all ({@code docs/layered.md}).
 *
 * @since 0.1
 */
package io.larder.chain;
