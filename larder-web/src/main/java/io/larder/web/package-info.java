/**
 * Django's cache middleware, view decorators and {@code django.utils.cache} for Jakarta Servlet
 * applications: whole-site and per-view page caching backed by any Larder cache, and the HTTP
 * cache-header helpers ({@link io.larder.web.HttpCacheHeaders}).
 *
 * <p>Cache-backed sessions live in {@code io.larder.web.session}.
 */
package io.larder.web;
