/**
 * Django's cache middleware, view decorators and {@code django.utils.cache} for Jakarta Servlet
 * applications. This package holds only {@link io.larder.web.AnnotatedServlets}, which applies the
 * annotations of the others; the pieces live in their own packages:
 *
 * <ul>
 *   <li>{@code io.larder.web.pagecache}: the page cache (whole site, per view, split pair);
 *   <li>{@code io.larder.web.headers}: the header helpers and decorators ({@code cache_control},
 *       {@code never_cache}, {@code vary_on_headers}, conditional GET);
 *   <li>{@code io.larder.web.session}: sessions in a cache, Django's engines;
 *   <li>{@code io.larder.web.response}: what they share: acting on a response before its first byte
 *       is committed, and the record of what a response varies on.
 * </ul>
 *
 * @since 0.1
 */
package io.larder.web;
