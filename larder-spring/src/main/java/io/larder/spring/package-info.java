/**
 * Spring's cache abstraction over Larder caches: {@link io.larder.spring.LarderCacheManager} makes
 * {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict} store in Larder caches, with keys a
 * Django app can share ({@code docs/spring.md}).
 *
 * @since 0.1
 */
package io.larder.spring;
