/**
 * The {@code locmem} backend (Django's {@code LocMemCache}), the default: a local-memory cache on
 * Caffeine, with Django's per-entry timeouts and {@code max_entries}.
 *
 * @since 0.1
 */
package io.larder.locmem;
