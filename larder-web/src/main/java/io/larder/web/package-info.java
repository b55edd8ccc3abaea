/**
 * Django's cache middleware, view decorators, {@code django.utils.cache} and sessions for Jakarta
 * Servlet applications. This package holds what the features below share:
 *
 * <ul>
 *   <li>{@link io.larder.web.AnnotatedServlets}: applies the annotations of the other packages to
 *       servlets (for applications);
 *   <li>{@link io.larder.web.ContextCaches}: the web application's caches, read once from the
 *       {@code larder.config} context parameter and shared by every filter (for applications and
 *       integrations);
 *   <li>{@link io.larder.web.WebSetting} and {@link io.larder.web.FilterCaches}: a feature's
 *       settings declared once and read from every surface (builder, init-params, Spring Boot
 *       properties), and a web.xml filter's hold on the caches (for integrations such as Larder's
 *       Spring Boot starter, and for whoever adds a web feature).
 * </ul>
 *
 * <p>The features live in their own packages, each with its own entry points:
 *
 * <ul>
 *   <li>{@code io.larder.web.pagecache}: the page cache (whole site, per view, split pair);
 *   <li>{@code io.larder.web.headers}: the header helpers and decorators ({@code cache_control},
 *       {@code never_cache}, {@code vary_on_headers}, conditional GET);
 *   <li>{@code io.larder.web.session}: sessions in a cache or a database, Django's engines;
 *   <li>{@code io.larder.web.response}: what the page cache and the header filters share: acting on
 *       a response before its first byte is committed, and the record of what it varies on;
 * </ul>
 *
 * @since 0.1
 */
package io.larder.web;
