/**
 * The {@code memcached} backend (Django's {@code PyMemcacheCache} and {@code PyLibMCCache}) on
 * xmemcached: server pools with ketama or rendezvous hashing and Django's value flags.
 *
 * <p>Applications name it {@code backend: memcached} (or Django's dotted paths) and may catch
 * {@link io.larder.memcached.ValueTooLargeException}; {@link io.larder.memcached.MemcachedBackend}
 * is public for {@code java.util.ServiceLoader}. Hashing, flags and the server pool are
 * package-private.
 *
 * @since 0.1
 */
package io.larder.memcached;
