/**
 * Django's {@code {% cache %}} template fragment tag for Pebble templates.
 *
 * <p>Applications touch only {@link io.larder.pebble.FragmentCacheExtension}: registered on the
 * Pebble engine, it replaces Pebble's own {@code cache} tag, and gives the fragments' cache, key
 * format and failure count. The tag's parser and node are package-private; what they share with the
 * Thymeleaf dialect (the timeout's reading, render-once and fail-open) lives in larder-core's {@link
 * io.larder.CachedFragment} and {@link io.larder.FragmentTimeout}, the caches and keys in {@link
 * io.larder.FragmentCaches}.
 *
 * @since 0.1
 */
package io.larder.pebble;
