package io.larder.spring.boot;

import io.larder.Caches;

/**
 * Adjusts the caches the starter builds from {@code larder.*}, in code, before they are built: a
 * bean of this type is called with the {@link Caches.Builder} after {@code larder.config} and
 * {@code larder.caches} have been read into it, in the beans' order, as Boot's {@code
 * CacheManagerCustomizer} adjusts its cache managers. What it sets wins over the properties.
 *
 * <pre>{@code
 * @Bean
 * LarderCachesCustomizer sessionsCache() {
 *   return caches ->
 *       caches.cache("sessions", c -> c.backend("locmem").timeout(Timeout.minutes(30)));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface LarderCachesCustomizer {
  /**
   * Adjusts {@code caches}, which already holds the configured aliases.
   *
   * @param caches the builder of the application's caches; what it changes wins over the settings
   */
  void customize(Caches.Builder caches);
}
