/**
 * Larder caches' meters in Micrometer's cache conventions ({@code cache.gets}, {@code cache.puts},
 * {@code cache.removals}, {@code cache.errors}) and per-operation timers.
 *
 * @since 0.1
 */
package io.larder.micrometer;
