/**
 * For backend, serializer and compressor authors: the small interfaces a store implements
 * ({@link io.larder.spi.CacheStore}, {@link io.larder.spi.AsyncCacheStore}), the
 * {@link io.larder.spi.CacheBackend} that {@code java.util.ServiceLoader} finds by its name
 * ({@code backend: redis}), and the {@link io.larder.spi.Serializer} and
 * {@link io.larder.spi.Compressor} a cache's options name; the {@link io.larder.spi.Option}s a
 * backend declares and reads its options through; and what a backend or an integration shares with
 * the core: {@link io.larder.spi.SettingValues}, {@link io.larder.spi.Md5}, {@link
 * io.larder.spi.Flights}, {@link io.larder.spi.PasswordRedaction}. Everything Django defines in
 * terms of smaller operations lives once in the engine, not here; the engine's package, {@code
 * io.larder.internal}, is for no other module.
 *
 * <p>This package is public API under semantic versioning (docs/versioning.md).
 *
 * <p>Applications do not need this package; a backend module implements {@code CacheBackend} and
 * {@code CacheStore}, declares its {@link io.larder.spi.Option}s, and runs the shared contract
 * suite in its tests.
 *
 * @since 0.1
 */
package io.larder.spi;
