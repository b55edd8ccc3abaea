/**
 * A JCache (JSR-107) provider over Larder's caches: {@link LarderCachingProvider}, found by {@code
 * Caching.getCachingProvider()} through {@code META-INF/services}, gives a {@code CacheManager} per
 * configuration URI whose caches are Larder aliases ({@code docs/jcache.md}).
 *
 * <pre>{@code
 * CacheManager manager = Caching.getCachingProvider().getCacheManager();
 * Cache<String, String> greetings =
 *     manager.createCache("greetings", new MutableConfiguration<String, String>()
 *         .setTypes(String.class, String.class));
 * greetings.put("en", "Hello");
 * }</pre>
 *
 * <p>{@link LarderCachingProvider}, {@link LarderJCacheManager}, {@link LarderJCache} and {@link
 * JCacheEntry} are the public types; the rest of the package is the provider's own.
 *
 * @since 0.1
 */
package io.larder.jcache;
