/**
 * Spring Boot auto-configuration of Larder from {@code larder.caches} in {@code application.yml}:
 * the cache manager, page-cache and session filters, Actuator health and cache metrics, and
 * Thymeleaf fragment caching. Its entry points are {@link io.larder.spring.boot.LarderProperties}
 * (the settings) and the auto-configuration classes, which Boot finds on its own.
 *
 * @since 0.1
 */
package io.larder.spring.boot;
