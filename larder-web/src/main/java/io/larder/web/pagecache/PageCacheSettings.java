package io.larder.web.pagecache;

import io.larder.Caches;
import io.larder.spi.SettingValues;
import io.larder.web.WebSetting;
import io.larder.web.headers.HeaderValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every setting of the page cache, declared once: the init-params of {@link PageCacheFilter} (and
 * its split pair), {@code larder.web.page-cache.*} in Spring Boot, and the table in docs/web.md are
 * all this list; each applies to a {@link PageCache.Builder} method of the same meaning.
 *
 * <pre>{@code
 * PageCache pages = PageCacheSettings.build(caches,
 *     Map.of("cache-timeout", "600", "etags", "false"),
 *     (name, value, accepted) -> new InvalidConfigurationException(
 *         name + " is '" + value + "'; accepted: " + accepted));
 * }</pre>
 *
 * @since 0.1
 */
public final class PageCacheSettings {
  /**
   * The settings, in the order the docs list them. {@code cache-alias} chooses the cache; each of
   * the others sets the builder method of the same name.
   */
  public static final List<WebSetting<Staged>> SETTINGS =
      List.of(
          WebSetting.of(
                  "cache-alias",
                  "alias",
                  Caches.DEFAULT_ALIAS,
                  "a configured cache alias",
                  "the cache pages are stored in",
                  PageCacheSettings::alias,
                  (Staged staged, String alias) -> staged.alias = alias)
              .django("CACHE_MIDDLEWARE_ALIAS, cache_page(cache=)"),
          WebSetting.seconds(
                  "cache-timeout",
                  String.valueOf(PageCache.DEFAULT_CACHE_TIMEOUT.toSeconds()),
                  0,
                  "how long a page that says nothing of its freshness is kept; 0 stores nothing",
                  builder(PageCache.Builder::cacheTimeout))
              .django("CACHE_MIDDLEWARE_SECONDS"),
          WebSetting.seconds(
                  "page-timeout",
                  "none",
                  0,
                  "how long every page is kept, whatever its max-age says",
                  builder(PageCache.Builder::pageTimeout))
              .django("cache_page(timeout)"),
          WebSetting.of(
                  "key-prefix",
                  "text",
                  "\"\"",
                  "any text",
                  "the page keys' prefix, within the cache's own key_prefix",
                  PageCacheSettings::text,
                  builder(PageCache.Builder::keyPrefix))
              .django("CACHE_MIDDLEWARE_KEY_PREFIX, cache_page(key_prefix=)"),
          WebSetting.integer(
              "max-page-bytes",
              PageCache.DEFAULT_MAX_PAGE_BYTES,
              0,
              Integer.MAX_VALUE,
              "bytes",
              "a larger page is served but not stored",
              builder(PageCache.Builder::maxPageBytes)),
          WebSetting.flag(
              "etags",
              true,
              "stored pages get an ETag, and conditional requests are answered 304 from the cache",
              builder(PageCache.Builder::etags)),
          WebSetting.flag(
              "coalesce-misses",
              true,
              "concurrent misses for one page render it once",
              builder(PageCache.Builder::coalesceMisses)),
          WebSetting.flag(
                  "anonymous-only",
                  false,
                  "logged-in requests are neither served from nor stored in the cache, and are"
                      + " marked private",
                  builder(PageCache.Builder::anonymousOnly))
              .django("CACHE_MIDDLEWARE_ANONYMOUS_ONLY (Django 1.7 and older)"),
          WebSetting.seconds(
              "stale-while-revalidate",
              "0",
              0,
              "how long past its timeout a page is served while one request refreshes it (RFC"
                  + " 5861)",
              builder(PageCache.Builder::staleWhileRevalidate)),
          WebSetting.seconds(
              "stale-if-error",
              "0",
              0,
              "how long past its timeout a page stands in for a view that fails (RFC 5861)",
              builder(PageCache.Builder::staleIfError)),
          WebSetting.flag(
              "store-responses-with-cookies",
              false,
              "responses that set a cookie are stored and replayed to every visitor (only for"
                  + " cookies that are the same for everyone)",
              builder(PageCache.Builder::storeResponsesWithCookies)),
          WebSetting.integer(
              "max-variants-per-path",
              PageCache.DEFAULT_MAX_VARIANTS_PER_PATH,
              0,
              Integer.MAX_VALUE,
              "pages",
              "variants of one path stored per page timeout (query, path parameters, host, header"
                  + " values)",
              builder(PageCache.Builder::maxVariantsPerPath)),
          WebSetting.of(
                  "allowed-hosts",
                  "list",
                  "none (every host)",
                  "host patterns separated by commas or spaces: a host (www.example.com, 127.0.0.1,"
                      + " [::1]), a domain and its subdomains (.example.com), or *",
                  "the hosts pages are cached for",
                  PageCacheSettings::hosts,
                  builder(PageCache.Builder::allowedHosts))
              .django("ALLOWED_HOSTS"),
          WebSetting.flag(
                  "reject-disallowed-hosts",
                  false,
                  "a request for a host allowed-hosts does not name is answered 400, as Django"
                      + " does",
                  builder(PageCache.Builder::rejectDisallowedHosts))
              .django("ALLOWED_HOSTS's 400"),
          WebSetting.of(
                  "languages",
                  "list",
                  "none",
                  "language codes separated by commas or spaces, the default first: en, fr, pt-br",
                  "pages are keyed on each request's language",
                  raw -> KeySuffix.languages(list(raw)),
                  builder(PageCache.Builder::keySuffix))
              .django("USE_I18N with LANGUAGES"));

  private PageCacheSettings() {}

  /**
   * The page cache {@code values} describe, over {@code caches}: each entry names a setting of
   * {@link #SETTINGS} and holds its value, as text (an init-param) or as bound (a number, a
   * boolean, a list, a {@link Duration}); an absent setting keeps its default.
   *
   * @param caches the configured caches, one of which the pages are stored in
   * @param values raw values by setting name, as the surface spells the names
   * @param complaint makes the surface's error for an unknown setting or a wrong value
   * @return the page cache
   * @throws RuntimeException {@code complaint}'s error for an unknown setting or a wrong value;
   *     {@link io.larder.InvalidConfigurationException} for an alias that is not configured
   */
  public static PageCache build(
      Caches caches, Map<String, ?> values, WebSetting.Complaint complaint) {
    Staged staged = new Staged();
    WebSetting.applyAll(SETTINGS, values, staged, complaint);
    PageCache.Builder builder = PageCache.builder(caches.get(staged.alias));
    staged.steps.forEach(step -> step.accept(builder));
    return builder.build();
  }

  /** Settings read but not yet applied: the alias chooses the cache the builder is made over. */
  public static final class Staged {
    private String alias = Caches.DEFAULT_ALIAS;
    private final List<Consumer<PageCache.Builder>> steps = new ArrayList<>();

    private Staged() {}
  }

  private static <T> BiConsumer<Staged, T> builder(BiConsumer<PageCache.Builder, T> method) {
    return (staged, value) -> staged.steps.add(b -> method.accept(b, value));
  }

  private static String alias(Object raw) {
    String alias = text(raw);
    if (alias.isBlank()) {
      throw new IllegalArgumentException("a configured cache alias");
    }
    return alias;
  }

  private static String text(Object raw) {
    if (raw instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("text");
  }

  /** A list as bound, or the items of one string separated by commas or spaces. */
  private static List<String> list(Object raw) {
    if (raw instanceof String s) {
      return HeaderValues.split(s.replaceAll("\\s+", ","));
    }
    return SettingValues.list(raw);
  }

  /** The patterns, checked as the builder checks them, so that the error names the setting. */
  private static List<String> hosts(Object raw) {
    List<String> patterns = list(raw);
    AllowedHosts.of(patterns);
    return patterns;
  }
}
