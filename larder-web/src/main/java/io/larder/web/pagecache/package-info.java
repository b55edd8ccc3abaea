/**
 * Django's page cache for Jakarta Servlet applications: the whole-site pair of filters
 * ({@link io.larder.web.pagecache.UpdateCacheFilter}, {@link io.larder.web.pagecache.FetchFromCacheFilter}),
 * one filter for both ({@link io.larder.web.pagecache.PageCacheFilter}), and {@code cache_page} per
 * view ({@link io.larder.web.pagecache.CachedView}).
 *
 * @since 0.1
 */
package io.larder.web.pagecache;
