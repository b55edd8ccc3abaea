/**
 * Django's {@code django.utils.cache} header helpers and the {@code cache_control}, {@code
 * never_cache} and {@code vary_on_headers} decorators, as servlet filters, and conditional GET.
 *
 * <p>Applications touch all of it: {@link io.larder.web.headers.HttpCacheHeaders} (Django's {@code
 * patch_cache_control}, {@code patch_vary_headers}, {@code get_max_age} and the rest) in their own
 * code; the annotations {@link io.larder.web.headers.CacheControl}, {@link
 * io.larder.web.headers.NeverCache} and {@link io.larder.web.headers.VaryOnHeaders} on servlets
 * (applied by {@link io.larder.web.AnnotatedServlets}) or their filters in web.xml; {@link
 * io.larder.web.headers.ConditionalGet} for a 304 or 412 the view decides itself. {@link
 * io.larder.web.headers.HeaderValues}, {@link io.larder.web.headers.HttpDates} and {@link
 * io.larder.web.headers.CacheDirectives} are the parsing and formatting the rest is built on.
 *
 * @since 0.1
 */
package io.larder.web.headers;
