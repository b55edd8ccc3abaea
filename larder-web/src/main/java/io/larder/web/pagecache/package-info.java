/**
 * Django's page cache for Jakarta Servlet applications: the whole-site pair of filters ({@link
 * io.larder.web.pagecache.UpdateCacheFilter}, {@link
 * io.larder.web.pagecache.FetchFromCacheFilter}), one filter for both ({@link
 * io.larder.web.pagecache.PageCacheFilter}), and {@code cache_page} per view ({@link
 * io.larder.web.pagecache.CachedView}).
 *
 * <p>Applications touch the filters, {@link io.larder.web.pagecache.PageCache} and its builder (or
 * {@link io.larder.web.pagecache.PageCacheSettings} for the same settings as a map), {@link
 * io.larder.web.pagecache.KeySuffix} (languages and hosts in the key), {@link
 * io.larder.web.pagecache.AuthenticatedRequests} (who counts as logged in under anonymous-only
 * caching) and {@link io.larder.web.pagecache.PageKeys} (Django's {@code get_cache_key} and {@code
 * learn_cache_key}, to find or delete a stored page).
 *
 * <p>Everything else is package-private and split as OkHttp's cache is: {@code PagePolicy} decides
 * (whether a request is looked up, what a found page is worth, whether and how long a response is
 * stored, which headers it gets) as a pure function of {@code PageRequest} and {@code
 * PageResponse}, and the filters, through {@code CacheFetch} and {@code CacheUpdate}, carry its
 * decisions out. A new page-cache rule starts in {@code PagePolicy} and its test.
 *
 * @since 0.1
 */
package io.larder.web.pagecache;
