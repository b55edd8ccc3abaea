/**
 * Larder caches' meters in Micrometer's cache conventions ({@code cache.gets}, {@code cache.puts},
 * {@code cache.removals}, {@code cache.errors}) and per-operation timers.
 *
 * <p>Applications bind {@link io.larder.micrometer.LarderCacheMetrics} to a {@code MeterRegistry}
 * and hand {@link io.larder.micrometer.LarderOperationTimers} to {@code Caches.builder()}; Spring
 * Boot's starter does both.
 *
 * @since 0.1
 */
package io.larder.micrometer;
