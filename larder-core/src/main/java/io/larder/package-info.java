/**
 * Larder's API: Django's cache framework for Java. {@link io.larder.Caches} holds the configured
 * caches (Django's {@code caches}); {@link io.larder.Cache} is one of them, with Django's
 * operations and their semantics ({@code get}, {@code set}, {@code add}, {@code getOrSet},
 * {@code incr}, {@code touch}, {@code withVersion}, ...); {@link io.larder.Timeout} is a timeout in
 * Django's terms; every failure is a {@link io.larder.CacheException}.
 *
 * <pre>{@code
 * try (Caches caches = Caches.defaults()) {   // a locmem 'default', as Django without CACHES
 *   Cache cache = caches.getDefault();
 *   cache.set("greeting", "Hello", Timeout.seconds(60));
 *   String s = cache.get("greeting");
 * }
 * }</pre>
 *
 * <p>This package is public API under semantic versioning (docs/versioning.md).
 *
 * @since 0.1
 */
package io.larder;
