/**
 * The {@code memcached} backend (Django's {@code PyMemcacheCache} and {@code PyLibMCCache}) on
 * xmemcached: server pools with ketama or rendezvous hashing and Django's value flags.
 *
 * @since 0.1
 */
package io.larder.memcached;
