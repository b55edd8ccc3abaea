/**
 * Spring's cache abstraction over Larder caches: {@link io.larder.spring.LarderCacheManager} makes
 * {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} store in Larder caches, with keys a
 * Django app can share ({@code docs/spring.md}).
 *
 * <p>Applications use {@link io.larder.spring.LarderCacheManager} (and {@link
 * io.larder.spring.UnknownCaches}, what it does with a name it was not given); {@link
 * io.larder.spring.LarderCache} and {@link io.larder.spring.SpringKeys} are public for code that
 * reaches a Larder cache through Spring's {@code Cache} or shares its keys.
 *
 * @since 0.1
 */
package io.larder.spring;
