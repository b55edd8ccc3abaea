/**
 * Django's {@code {% cache %}} for Thymeleaf templates: the {@code larder:cache} attribute.
 *
 * <p>Applications touch only {@link io.larder.thymeleaf.FragmentCacheDialect}: added to the
 * template engine, it gives the attribute, and the fragments' cache, key format and failure count.
 * The attribute's processor is package-private; what it shares with the Pebble tag (the timeout's
 * reading, render-once and fail-open) lives in larder-core's {@link io.larder.CachedFragment} and
 * {@link io.larder.FragmentTimeout}, the caches and keys in {@link io.larder.FragmentCaches}.
 *
 * @since 0.1
 */
package io.larder.thymeleaf;
