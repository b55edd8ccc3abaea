/**
 * The {@code locmem} backend (Django's {@code LocMemCache}), the default: a local-memory cache on
 * Caffeine, with Django's per-entry timeouts and {@code max_entries}.
 *
 * <p>Applications name it {@code backend: locmem} and may {@link io.larder.Cache#unwrap} a cache to
 * {@link io.larder.locmem.LocMemStore} (its public {@code Option}s say how it keeps values);
 * {@link io.larder.locmem.LocMemBackend} is public for {@code java.util.ServiceLoader}. The shared
 * Caffeine maps are package-private.
 *
 * @since 0.1
 */
package io.larder.locmem;
