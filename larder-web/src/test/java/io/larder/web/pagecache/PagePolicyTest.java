package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.headers.HttpDates;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page cache's decisions as a table, without a servlet container: Django's rules for what is
 * stored and for how long (status codes, Cache-Control, Vary, Set-Cookie, Authorization), Larder's
 * additions (expired responses, the session's pending Vary, anonymous-only caching, RFC 5861's
 * windows), which requests are looked up and under which methods' keys, and what a stored page is
 * worth as time passes.
 */
class PagePolicyTest {
  private static final long NOW = 1_468_749_600L;

  /** Django's middleware defaults: 600 s, no page timeout, cookies not stored, everyone cached. */
  private static final PagePolicy DJANGO = new PagePolicy(600, null, false, false, false, 0, 0);

  private static final PagePolicy PAGE_TIMEOUT_60 =
      new PagePolicy(600, 60L, false, false, false, 0, 0);
  private static final PagePolicy SHARES_COOKIES =
      new PagePolicy(600, null, true, false, false, 0, 0);
  private static final PagePolicy ANONYMOUS_ONLY =
      new PagePolicy(600, null, false, true, false, 0, 0);
  private static final PagePolicy STALE_30_120 =
      new PagePolicy(600, null, false, false, false, 30, 120);
  private static final PagePolicy CACHE_TIMEOUT_0 =
      new PagePolicy(0, null, false, false, false, 0, 0);
  private static final PagePolicy PAGE_TIMEOUT_0 =
      new PagePolicy(600, 0L, false, false, false, 0, 0);
  private static final PagePolicy REJECTS_HOSTS =
      new PagePolicy(600, null, false, false, true, 0, 0);

  private static final PageRequest GET = PageRequest.get();
  private static final PageResponse OK = PageResponse.ok();

  /** One row: a policy, a request, a response, and what must be decided. */
  record Row(
      String rule,
      PagePolicy policy,
      PageRequest request,
      PageResponse response,
      boolean patch,
      boolean store,
      long timeout,
      List<String> vary,
      String reason) {
    @Override
    public String toString() {
      return rule;
    }
  }

  private static Row stored(String rule, PagePolicy p, PageRequest q, PageResponse r, long t) {
    return new Row(rule, p, q, r, true, true, t, List.of(), "");
  }

  private static Row refused(String rule, PagePolicy p, PageRequest q, PageResponse r, String why) {
    return new Row(rule, p, q, r, false, false, 0, List.of(), why);
  }

  static Stream<Row> storing() {
    return Stream.of(
        stored("a plain 200 is stored for the cache timeout", DJANGO, GET, OK, 600),
        refused("a 404 is not stored", DJANGO, GET, OK.status(404), "status 404"),
        refused("a 302 is not stored", DJANGO, GET, OK.status(302), "status 302"),
        refused("a 500 is not stored", DJANGO, GET, OK.status(500), "status 500"),
        new Row(
            "a 304 the view answered is patched, not stored",
            DJANGO,
            GET,
            OK.status(304),
            true,
            false,
            600,
            List.of(),
            "status 304"),
        refused(
            "Cache-Control: private is not stored",
            DJANGO,
            GET,
            OK.cacheControl("private"),
            "Cache-Control: private"),
        refused(
            "Cache-Control: no-cache is not stored",
            DJANGO,
            GET,
            OK.cacheControl("No-Cache"),
            "Cache-Control: no-cache"),
        refused(
            "Cache-Control: no-store is not stored",
            DJANGO,
            GET,
            OK.cacheControl("max-age=60, no-store"),
            "Cache-Control: no-store"),
        refused("max-age=0 is not stored", DJANGO, GET, OK.cacheControl("max-age=0"), "timeout 0"),
        stored("max-age sets the timeout", DJANGO, GET, OK.cacheControl("max-age=60"), 60),
        stored(
            "the page timeout wins over max-age (cache_page)",
            PAGE_TIMEOUT_60,
            GET,
            OK.cacheControl("max-age=3600"),
            60),
        refused("Vary: * is not stored", DJANGO, GET, OK.vary("Accept, *"), "Vary: *"),
        stored(
            "Vary on request headers is stored (the key varies)",
            DJANGO,
            GET,
            OK.vary("Accept-Encoding"),
            600),
        refused(
            "a response that sets a cookie is not stored",
            DJANGO,
            GET,
            OK.settingCookie(),
            "sets a cookie"),
        stored(
            "a view that shares its cookies is stored",
            SHARES_COOKIES,
            GET,
            OK.settingCookie(),
            600),
        refused(
            "a cookie set on a page that varies on Cookie is never stored",
            SHARES_COOKIES,
            GET,
            OK.settingCookie().vary("Cookie"),
            "sets a cookie"),
        new Row(
            "a request with Authorization varies on it",
            DJANGO,
            GET.withAuthorization(),
            OK,
            true,
            true,
            600,
            List.of("Authorization"),
            ""),
        stored(
            "a public response to Authorization does not vary on it",
            DJANGO,
            GET.withAuthorization(),
            OK.cacheControl("public"),
            600),
        refused(
            "an Expires in the past is not stored",
            DJANGO,
            GET,
            OK.expires(HttpDates.format(NOW - 1)),
            "already expired"),
        refused(
            "an Expires that is no date is in the past",
            DJANGO,
            GET,
            OK.expires("0"),
            "already expired"),
        stored(
            "max-age overrides a past Expires",
            DJANGO,
            GET,
            OK.expires(HttpDates.format(0)).cacheControl("max-age=30"),
            30),
        refused(
            "a page that looked at the session without a valid one is not stored",
            DJANGO,
            GET,
            OK.recorded(false, "Cookie"),
            "session cookie pending"),
        new Row(
            "a page that looked at a valid session varies on Cookie",
            DJANGO,
            GET,
            OK.recorded(true, "Cookie"),
            true,
            true,
            600,
            List.of("Cookie"),
            ""),
        new Row(
            "any recorded header is varied on",
            DJANGO,
            GET,
            OK.recorded(false, "X-Tenant"),
            true,
            true,
            600,
            List.of("X-Tenant"),
            ""),
        stored("a query string does not stop storing", DJANGO, withQuery(), OK, 600),
        stored("HEAD stores as GET does (under its own key)", DJANGO, GET.method("HEAD"), OK, 600),
        new Row(
            "an authenticated request is not stored under anonymous-only",
            ANONYMOUS_ONLY,
            GET.authenticated(true),
            OK,
            false,
            false,
            0,
            List.of(),
            "authenticated"),
        stored(
            "an authenticated request is stored when everyone is cached",
            DJANGO,
            GET.authenticated(true),
            OK,
            600),
        stored("an anonymous request is stored under anonymous-only", ANONYMOUS_ONLY, GET, OK, 600),
        zeroPatched("a cache timeout of 0 marks the response max-age=0", CACHE_TIMEOUT_0, GET, OK),
        zeroPatched("a page timeout of 0 marks the response max-age=0", PAGE_TIMEOUT_0, GET, OK),
        zeroPatched(
            "a page timeout of 0 marks a max-age=0 response too (Django adds Expires)",
            PAGE_TIMEOUT_0,
            GET,
            OK.cacheControl("max-age=0")),
        refused(
            "a cache timeout of 0 leaves a max-age=0 response as it is",
            CACHE_TIMEOUT_0,
            GET,
            OK.cacheControl("max-age=0"),
            "timeout 0"),
        refused(
            "a timeout of 0 leaves a no-cache response as it is",
            CACHE_TIMEOUT_0,
            GET,
            OK.cacheControl("no-cache"),
            "Cache-Control: no-cache"),
        refused(
            "a timeout of 0 leaves a private response as it is",
            PAGE_TIMEOUT_0,
            GET,
            OK.cacheControl("private"),
            "Cache-Control: private"),
        refused(
            "a timeout of 0 leaves a 404 as it is",
            CACHE_TIMEOUT_0,
            GET,
            OK.status(404),
            "status 404"),
        new Row(
            "a timeout of 0 marks a response Larder would not share anyway",
            CACHE_TIMEOUT_0,
            GET,
            OK.settingCookie(),
            true,
            false,
            0,
            List.of(),
            "sets a cookie"),
        new Row(
            "a timeout of 0 still varies on Authorization",
            CACHE_TIMEOUT_0,
            GET.withAuthorization(),
            OK,
            true,
            false,
            0,
            List.of("Authorization"),
            "timeout 0"),
        refused(
            "a response in another language than its key is not stored",
            DJANGO,
            GET.language("de"),
            OK.contentLanguage("fr"),
            "Content-Language fr in a .de key"),
        stored(
            "a regional form of the key's language is the key's language",
            DJANGO,
            GET.language("fr"),
            OK.contentLanguage("fr-FR"),
            600),
        stored(
            "a response that names no language is stored under its key's",
            DJANGO,
            GET.language("fr"),
            OK,
            600));
  }

  private static Row zeroPatched(String rule, PagePolicy p, PageRequest q, PageResponse r) {
    return new Row(rule, p, q, r, true, false, 0, List.of(), "timeout 0");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void storing(Row row) {
    PagePolicy.Storing s = row.policy().storing(row.request(), row.response(), NOW);
    assertThat(s.headers().patch()).as("patch").isEqualTo(row.patch());
    assertThat(s.store()).as("store").isEqualTo(row.store());
    if (row.patch()) {
      assertThat(s.timeout()).as("timeout").isEqualTo(row.timeout());
      assertThat(s.headers().maxAge()).as("max-age").isEqualTo(row.timeout());
    }
    assertThat(s.headers().vary()).as("vary").isEqualTo(row.vary());
    assertThat(s.reason()).as("reason").isEqualTo(row.reason());
  }

  static Stream<Object[]> lookups() {
    return Stream.of(
        new Object[] {"GET is looked up", DJANGO, GET, PagePolicy.Lookup.FETCH},
        new Object[] {"HEAD is looked up", DJANGO, GET.method("HEAD"), PagePolicy.Lookup.FETCH},
        new Object[] {"POST passes", DJANGO, GET.method("POST"), PagePolicy.Lookup.PASS},
        new Object[] {"PUT passes", DJANGO, GET.method("PUT"), PagePolicy.Lookup.PASS},
        new Object[] {
          "a forward or include passes", DJANGO, GET.dispatched(), PagePolicy.Lookup.PASS
        },
        new Object[] {
          "authenticated under anonymous-only is private",
          ANONYMOUS_ONLY,
          GET.authenticated(true),
          PagePolicy.Lookup.PRIVATE
        },
        new Object[] {
          "authenticated is looked up otherwise",
          DJANGO,
          GET.authenticated(true),
          PagePolicy.Lookup.FETCH
        },
        new Object[] {"a query string is looked up", DJANGO, withQuery(), PagePolicy.Lookup.FETCH},
        new Object[] {
          "a host not allowed passes", DJANGO, GET.disallowedHost(), PagePolicy.Lookup.PASS
        },
        new Object[] {
          "a host not allowed is rejected where asked",
          REJECTS_HOSTS,
          GET.disallowedHost(),
          PagePolicy.Lookup.REJECT
        },
        new Object[] {
          "a POST for a host not allowed is rejected too",
          REJECTS_HOSTS,
          GET.method("POST").disallowedHost(),
          PagePolicy.Lookup.REJECT
        },
        new Object[] {
          "an allowed host is looked up where others are rejected",
          REJECTS_HOSTS,
          GET,
          PagePolicy.Lookup.FETCH
        },
        new Object[] {
          "a request without a language for its key passes",
          DJANGO,
          GET.unkeyable(),
          PagePolicy.Lookup.PASS
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void lookups(String rule, PagePolicy policy, PageRequest request, PagePolicy.Lookup expected) {
    assertThat(policy.lookup(request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void lookupMethods(String method, List<String> expected) {
    assertThat(DJANGO.lookupMethods(GET.method(method))).isEqualTo(expected);
  }

  static Stream<Object[]> lookupMethods() {
    return Stream.of(
        new Object[] {"GET", List.of("GET")},
        // HEAD after GET: answered from the GET page, else from one a HEAD stored.
        new Object[] {"HEAD", List.of("GET", "HEAD")});
  }

  static Stream<Object[]> staleWindows() {
    return Stream.of(
        new Object[] {"no directive: the settings", OK, 30L, 120L},
        new Object[] {
          "the view's stale-while-revalidate wins",
          OK.cacheControl("max-age=60, stale-while-revalidate=5"),
          5L,
          120L
        },
        new Object[] {
          "the view's stale-if-error wins", OK.cacheControl("stale-if-error=0"), 30L, 0L
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void staleWindows(String rule, PageResponse response, long revalidate, long ifError) {
    PagePolicy.Storing s = STALE_30_120.storing(GET, response, NOW);
    assertThat(s.staleWhileRevalidate()).isEqualTo(revalidate);
    assertThat(s.staleIfError()).isEqualTo(ifError);
    assertThat(s.keptFor()).isEqualTo(s.timeout() + Math.max(revalidate, ifError));
  }

  static Stream<Object[]> freshness() {
    // Stored at NOW for 60 s, usable 30 s stale while revalidating and 120 s if the view fails.
    return Stream.of(
        new Object[] {0L, PagePolicy.Freshness.FRESH},
        new Object[] {59L, PagePolicy.Freshness.FRESH},
        new Object[] {60L, PagePolicy.Freshness.REVALIDATE},
        new Object[] {89L, PagePolicy.Freshness.REVALIDATE},
        new Object[] {90L, PagePolicy.Freshness.IF_ERROR},
        new Object[] {179L, PagePolicy.Freshness.IF_ERROR},
        new Object[] {180L, PagePolicy.Freshness.EXPIRED});
  }

  @ParameterizedTest(name = "{0} s after storing: {1}")
  @MethodSource
  void freshness(long after, PagePolicy.Freshness expected) {
    StoredPage.Lifetime page = new StoredPage.Lifetime(NOW, 60, 30, 120);
    assertThat(PagePolicy.freshness(page, NOW + after)).isEqualTo(expected);
  }

  /** Stored at NOW for 60 s, usable 30 s stale while revalidating and 120 s if the view fails. */
  private static final StoredPage PAGE =
      StoredPage.from(
          List.of(
              "larder-page/4",
              200,
              List.of(),
              new byte[0],
              0L,
              Long.MIN_VALUE,
              NOW,
              "",
              Long.MIN_VALUE,
              60L,
              30L,
              120L,
              false,
              false));

  static Stream<Object[]> serving() {
    return Stream.of(
        new Object[] {0L, PagePolicy.Serving.answer(PAGE)},
        new Object[] {59L, PagePolicy.Serving.answer(PAGE)},
        new Object[] {60L, PagePolicy.Serving.answerThenRefresh(PAGE)},
        new Object[] {89L, PagePolicy.Serving.answerThenRefresh(PAGE)},
        new Object[] {90L, PagePolicy.Serving.renderOrFallBackTo(PAGE)},
        new Object[] {179L, PagePolicy.Serving.renderOrFallBackTo(PAGE)},
        new Object[] {180L, PagePolicy.Serving.render()});
  }

  @ParameterizedTest(name = "{0} s after storing: {1}")
  @MethodSource
  void serving(long after, PagePolicy.Serving expected) {
    assertThat(PagePolicy.serving(PAGE, NOW + after)).isEqualTo(expected);
  }

  static Stream<Object[]> servingWithoutRefresh() {
    // The split pair: only a fresh page answers, a stale one is a miss with nothing to fall back
    // to.
    return Stream.of(
        new Object[] {59L, PagePolicy.Serving.answer(PAGE)},
        new Object[] {60L, PagePolicy.Serving.render()},
        new Object[] {90L, PagePolicy.Serving.render()},
        new Object[] {180L, PagePolicy.Serving.render()});
  }

  @ParameterizedTest(name = "{0} s after storing: {1}")
  @MethodSource
  void servingWithoutRefresh(long after, PagePolicy.Serving expected) {
    assertThat(PagePolicy.servingWithoutRefresh(PAGE, NOW + after)).isEqualTo(expected);
  }

  @Test
  void aMissRenders() {
    assertThat(PagePolicy.serving(null, NOW)).isEqualTo(PagePolicy.Serving.render());
  }

  static Stream<Object[]> answers() {
    PageRequest.Credentials none = PageRequest.Credentials.NONE;
    PageRequest.Credentials authorization = new PageRequest.Credentials(true, false);
    PageRequest.Credentials session = new PageRequest.Credentials(false, true);
    return Stream.of(
        new Object[] {"a plain request, a plain page", DJANGO, GET, none, true},
        new Object[] {
          "Authorization is never answered from a page stored without it",
          DJANGO,
          GET.withAuthorization(),
          none,
          false
        },
        new Object[] {
          "Authorization is answered from a page stored with it",
          DJANGO,
          GET.withAuthorization(),
          authorization,
          true
        },
        new Object[] {
          "a plain request may get a page stored with Authorization (keyed on it, or public)",
          DJANGO,
          GET,
          authorization,
          true
        },
        new Object[] {
          "under anonymous-only a session is never answered from a page stored without one",
          ANONYMOUS_ONLY,
          GET.withSession(),
          none,
          false
        },
        new Object[] {
          "under anonymous-only a session is answered from a page stored with one",
          ANONYMOUS_ONLY,
          GET.withSession(),
          session,
          true
        },
        new Object[] {
          "a session does not matter otherwise", DJANGO, GET.withSession(), none, true
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void answers(
      String rule,
      PagePolicy policy,
      PageRequest request,
      PageRequest.Credentials stored,
      boolean expected) {
    assertThat(policy.answers(request, stored)).isEqualTo(expected);
  }

  static Stream<Object[]> countedVariants() {
    return Stream.of(
        new Object[] {"the plain page is not counted", GET, OK, false},
        new Object[] {"a variant URL is counted", GET.asVariant(), OK, true},
        new Object[] {
          "a page keyed on a header's values is counted", GET, OK.vary("X-Theme"), true
        },
        new Object[] {
          "a page keyed on Authorization is counted", GET.withAuthorization(), OK, true
        },
        new Object[] {
          "Accept-Language in a language-keyed page is no variant",
          GET.language("en"),
          OK.vary("Accept-Language"),
          false
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void countedVariants(String rule, PageRequest request, PageResponse response, boolean counted) {
    PagePolicy.Storing s = DJANGO.storing(request, response, NOW);
    assertThat(s.store()).isTrue();
    assertThat(s.countedVariant()).isEqualTo(counted);
  }

  private static PageRequest withQuery() {
    return GET.asVariant();
  }
}
