/**
 * The {@code redis} backend, wire-compatible with django-redis: one server, primary and replicas,
 * Sentinel and Cluster; {@link io.larder.redis.RedisExtension} adds django-redis's extras
 * ({@code ttl}, {@code keys}, {@code deletePattern}, {@link io.larder.redis.RedisLock locks}).
 *
 * <p>Applications name it {@code backend: redis} (or django-redis's dotted path) and reach the
 * extras with {@code cache.unwrap(RedisExtension.class)}; {@link io.larder.redis.RedisBackend} is
 * public for {@code java.util.ServiceLoader}. The clients, wire formats and topologies are
 * package-private.
 *
 * @since 0.1
 */
package io.larder.redis;
