/**
 * The {@code redis} backend, wire-compatible with django-redis: one server, primary and replicas,
 * Sentinel and Cluster; {@link io.larder.redis.RedisExtension} adds django-redis's extras
 * ({@code ttl}, {@code keys}, {@code deletePattern}, {@link io.larder.redis.RedisLock locks}).
 *
 * @since 0.1
 */
package io.larder.redis;
