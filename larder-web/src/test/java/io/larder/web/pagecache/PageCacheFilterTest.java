package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;

/** §9 of the spec, rule by rule, through a real Jetty and a real HTTP client. */
class PageCacheFilterTest extends SiteTest {

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) ->
                TestSite.behind(options.apply(PageCache.builder(s.cache))).install(context, s));
    return site;
  }

  private TestSite site() throws Exception {
    return site(b -> b);
  }

  @Test
  void aSecondGetIsServedFromTheCacheWithoutRendering() throws Exception {
    site().text("/p", "hello");
    HttpResponse<String> first = site.get("/p");
    HttpResponse<String> second = site.get("/p");
    assertThat(first.body()).isEqualTo("hello");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("hello");
    assertThat(second.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aStoredResponseGetsMaxAgeAndExpiresFromTheCacheTimeout() throws Exception {
    site().text("/p", "x");
    HttpResponse<String> response = site.get("/p");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(response.headers().firstValue("Expires")).hasValue("Sun, 17 Jul 2016 10:10:00 GMT");
  }

  @Test
  void theFirstResponseHasNoAgeAndAHitCarriesTheSecondsSinceItWasStored() throws Exception {
    site().text("/p", "x");
    assertThat(site.get("/p").headers().firstValue("Age")).isEmpty();
    site.clock.advanceSeconds(5);
    HttpResponse<String> hit = site.get("/p");
    assertThat(hit.headers().firstValue("Age")).hasValue("5");
    assertThat(hit.headers().firstValue("Expires")).hasValue("Sun, 17 Jul 2016 10:10:00 GMT");
    assertThat(hit.headers().firstValue("Cache-Control")).hasValue("max-age=600");
  }

  @Test
  void anEntryExpiresAfterTheCacheTimeout() throws Exception {
    site().text("/p", "x");
    site.get("/p");
    site.clock.advanceSeconds(601);
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void postIsNeverCached() throws Exception {
    site().text("/p", "x");
    site.send("POST", "/p");
    site.send("POST", "/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void postIsNotAnsweredFromACachedGet() throws Exception {
    site().text("/p", "x");
    site.get("/p");
    HttpResponse<String> post = site.send("POST", "/p");
    assertThat(post.headers().firstValue("Age")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void headIsAnsweredFromTheGetEntry() throws Exception {
    site().text("/p", "hello");
    site.get("/p");
    HttpResponse<String> head = site.send("HEAD", "/p");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).hasValue("5");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aHeadResponseIsStoredUnderItsOwnKeyAndServesOnlyHead() throws Exception {
    site().text("/p", "hello");
    site.send("HEAD", "/p");
    HttpResponse<String> head = site.send("HEAD", "/p");
    assertThat(site.renders("/p")).isEqualTo(1);
    assertThat(head.headers().firstValue("Content-Length")).hasValue("5");
    HttpResponse<String> get = site.get("/p");
    assertThat(get.body()).isEqualTo("hello");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aNon200ResponseIsNotCachedAndGetsNoHeaders() throws Exception {
    site()
        .page(
            "/missing",
            (request, response) -> {
              response.setStatus(404);
              response.getWriter().write("gone");
            });
    HttpResponse<String> first = site.get("/missing");
    site.get("/missing");
    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(first.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(first.headers().firstValue("Expires")).isEmpty();
    assertThat(site.renders("/missing")).isEqualTo(2);
  }

  @Test
  void aNotModifiedResponseGetsCachingHeadersButIsNotStored() throws Exception {
    site().page("/p", (request, response) -> response.setStatus(304));
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.statusCode()).isEqualTo(304);
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(first.headers().firstValue("Expires")).isPresent();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void privateIsNotCached() throws Exception {
    assertNotCached("Cache-Control", "private");
  }

  @Test
  void privateIsRecognisedInAnyCase() throws Exception {
    assertNotCached("Cache-Control", "Private");
  }

  @Test
  void privateWithAFieldNameIsNotCached() throws Exception {
    assertNotCached("Cache-Control", "private=\"Set-Cookie\"");
  }

  @Test
  void noCacheIsNotCached() throws Exception {
    assertNotCached("Cache-Control", "no-cache");
  }

  @Test
  void noStoreIsNotCached() throws Exception {
    assertNotCached("Cache-Control", "no-store");
  }

  @Test
  void varyStarIsNotCached() throws Exception {
    assertNotCached("Vary", "*");
  }

  @Test
  void varyStarWithSpacesIsNotCached() throws Exception {
    assertNotCached("Vary", " * ");
  }

  @Test
  void aCookieOnAResponseThatVariesOnCookieIsNotCached() throws Exception {
    site()
        .page(
            "/p",
            (request, response) -> {
              response.addCookie(new jakarta.servlet.http.Cookie("sessionid", "abc"));
              response.setHeader("Vary", "Cookie");
              response.getWriter().write("x");
            });
    site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aCookieOnAResponseThatDoesNotVaryOnCookieIsCachedWithTheCookie() throws Exception {
    // Django's rule, now only for a view that opts in (issue 16).
    site(options -> options.storeResponsesWithCookies(true))
        .page(
            "/p",
            (request, response) -> {
              response.addCookie(new jakarta.servlet.http.Cookie("theme", "dark"));
              response.getWriter().write("x");
            });
    site.get("/p");
    HttpResponse<String> hit = site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
    assertThat(hit.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("theme=dark"));
  }

  @Test
  void maxAgeZeroIsNotCachedAndGetsNoExpires() throws Exception {
    site().text("/p", "x", "Cache-Control", "max-age=0");
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.headers().firstValue("Expires")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void theResponseMaxAgeWinsOverTheCacheTimeout() throws Exception {
    site().text("/p", "x", "Cache-Control", "max-age=30");
    HttpResponse<String> first = site.get("/p");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=30");
    assertThat(first.headers().firstValue("Expires")).hasValue("Sun, 17 Jul 2016 10:00:30 GMT");
    site.clock.advanceSeconds(29);
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
    site.clock.advanceSeconds(2);
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void thePageTimeoutWinsOverTheResponseMaxAge() throws Exception {
    site(b -> b.pageTimeout(Duration.ofSeconds(3))).text("/p", "x", "Cache-Control", "max-age=1");
    site.get("/p");
    site.clock.advanceSeconds(2);
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aShortPageTimeoutExpiresBeforeALongerMaxAge() throws Exception {
    site(b -> b.pageTimeout(Duration.ofSeconds(1))).text("/p", "x", "Cache-Control", "max-age=3");
    site.get("/p");
    site.clock.advanceSeconds(2);
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void withAPageTimeoutAResponseMaxAgeOfZeroIsStillCached() throws Exception {
    site(b -> b.pageTimeout(Duration.ofSeconds(60))).text("/p", "x", "Cache-Control", "max-age=0");
    site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aCacheTimeoutOfZeroStoresNothingAndSaysSo() throws Exception {
    // Django's patch_response_headers(response, 0) before it declines to store (issue 32).
    site(b -> b.cacheTimeout(Duration.ZERO)).text("/p", "x");
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=0");
    assertThat(first.headers().firstValue("Expires")).hasValue("Sun, 17 Jul 2016 10:00:00 GMT");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aRequestWithAuthorizationIsKeyedOnItAndVariesOnIt() throws Exception {
    site().text("/p", "x");
    HttpResponse<String> alice = site.get("/p", "Authorization", "Basic YWxpY2U6eA==");
    site.get("/p", "Authorization", "Basic Ym9iOng=");
    site.get("/p", "Authorization", "Basic YWxpY2U6eA==");
    assertThat(alice.headers().firstValue("Vary")).hasValue("Authorization");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aPublicResponseToAnAuthorizedRequestDoesNotVaryOnAuthorization() throws Exception {
    site().text("/p", "x", "Cache-Control", "public");
    HttpResponse<String> first = site.get("/p", "Authorization", "Basic YWxpY2U6eA==");
    site.get("/p", "Authorization", "Basic Ym9iOng=");
    assertThat(first.headers().firstValue("Vary")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void theHostIsPartOfTheKeySoOneHostCannotPoisonAnother() throws Exception {
    site().page("/p", (request, response) -> response.getWriter().write(request.getServerName()));
    HttpResponse<String> a = site.get("/p", "Host", "a.example");
    HttpResponse<String> b = site.get("/p", "Host", "b.example");
    HttpResponse<String> again = site.get("/p", "Host", "a.example");
    assertThat(a.body()).isEqualTo("a.example");
    assertThat(b.body()).isEqualTo("b.example");
    assertThat(again.body()).isEqualTo("a.example");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void theQueryStringIsPartOfTheKey() throws Exception {
    site().page("/p", (request, response) -> response.getWriter().write(request.getQueryString()));
    assertThat(site.get("/p?page=1").body()).isEqualTo("page=1");
    assertThat(site.get("/p?page=2").body()).isEqualTo("page=2");
    assertThat(site.get("/p?page=1").body()).isEqualTo("page=1");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void theValuesOfTheHeadersTheResponseVariesOnArePartOfTheKey() throws Exception {
    site()
        .page(
            "/p",
            (request, response) -> {
              response.setHeader("Vary", "Accept-Language");
              response.getWriter().write("lang=" + request.getHeader("Accept-Language"));
            });
    assertThat(site.get("/p", "Accept-Language", "en").body()).isEqualTo("lang=en");
    assertThat(site.get("/p", "Accept-Language", "fr").body()).isEqualTo("lang=fr");
    assertThat(site.get("/p", "Accept-Language", "en").body()).isEqualTo("lang=en");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void anAbsentAndAnEmptyVariedHeaderShareOneEntry() throws Exception {
    site().text("/p", "x", "Vary", "X-Flavour");
    site.get("/p");
    site.get("/p", "X-Flavour", "");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aVariedHeaderThatOnlyTheSecondRequestSendsMissesTheFirstEntry() throws Exception {
    site().text("/p", "x", "Vary", "X-Flavour");
    site.get("/p");
    site.get("/p", "X-Flavour", "lemon");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aCachedPageGetsAnEtagAndIfNoneMatchIsAnswered304FromTheCache() throws Exception {
    site().text("/p", "hello");
    String etag = site.get("/p").headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> revalidated = site.get("/p", "If-None-Match", etag);
    assertThat(etag).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
    assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
    assertThat(revalidated.headers().firstValue("Cache-Control")).hasValue("max-age=600");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aConditionalRequestThatMissesIsAnswered304AndStillStoresThePage() throws Exception {
    site().text("/p", "x", "ETag", "\"v1\"");
    HttpResponse<String> first = site.get("/p", "If-None-Match", "\"v1\"");
    HttpResponse<String> second = site.get("/p");
    assertThat(first.statusCode()).isEqualTo(304);
    assertThat(first.body()).isEmpty();
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("x");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aResetResponseMayWriteWithTheOtherApi() throws Exception {
    site()
        .page(
            "/p",
            (request, response) -> {
              response.getOutputStream().write("discarded".getBytes());
              response.reset();
              response.setContentType("text/plain;charset=utf-8");
              response.getWriter().write("kept");
            });
    assertThat(site.get("/p").body()).isEqualTo("kept");
    assertThat(site.get("/p").body()).isEqualTo("kept");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aWeakIfNoneMatchMatchesTheCachedEtag() throws Exception {
    site().text("/p", "x", "ETag", "\"v1\"");
    site.get("/p");
    assertThat(site.get("/p", "If-None-Match", "W/\"v0\", W/\"v1\"").statusCode()).isEqualTo(304);
  }

  @Test
  void anIfNoneMatchForAnotherEtagGetsTheFullPage() throws Exception {
    site().text("/p", "x", "ETag", "\"v1\"");
    site.get("/p");
    HttpResponse<String> response = site.get("/p", "If-None-Match", "\"v0\"");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("x");
  }

  @Test
  void ifModifiedSinceNoEarlierThanLastModifiedIsAnswered304FromTheCache() throws Exception {
    site().text("/p", "x", "Last-Modified", "Sun, 17 Jul 2016 09:00:00 GMT");
    site.get("/p");
    HttpResponse<String> response =
        site.get("/p", "If-Modified-Since", "Sun, 17 Jul 2016 09:00:00 GMT");
    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.headers().firstValue("Last-Modified"))
        .hasValue("Sun, 17 Jul 2016 09:00:00 GMT");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void ifModifiedSinceBeforeLastModifiedGetsTheFullPage() throws Exception {
    site().text("/p", "x", "Last-Modified", "Sun, 17 Jul 2016 09:00:00 GMT");
    site.get("/p");
    HttpResponse<String> response =
        site.get("/p", "If-Modified-Since", "Sun, 17 Jul 2016 08:00:00 GMT");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("x");
  }

  @Test
  void aConditionalHitCarriesAge() throws Exception {
    site().text("/p", "x", "ETag", "\"v1\"");
    site.get("/p");
    site.clock.advanceSeconds(7);
    assertThat(site.get("/p", "If-None-Match", "\"v1\"").headers().firstValue("Age")).hasValue("7");
  }

  @Test
  void aFailedIfMatchOnACachedPageIsAnswered412() throws Exception {
    site().text("/p", "x", "ETag", "\"v1\"");
    site.get("/p");
    assertThat(site.get("/p", "If-Match", "\"v2\"").statusCode()).isEqualTo(412);
  }

  @Test
  void aFlushedResponseIsStreamedAndNotCached() throws Exception {
    site()
        .page(
            "/p",
            (request, response) -> {
              response.getWriter().write("part one ");
              response.flushBuffer();
              response.getWriter().write("part two");
            });
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.body()).isEqualTo("part one part two");
    assertThat(first.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void anAsyncResponseIsSentWholeAndNotCached() throws Exception {
    site()
        .page(
            "/p",
            (request, response) -> {
              response.getWriter().write("before ");
              AsyncContext async = request.startAsync();
              async.start(
                  () -> {
                    try {
                      async.getResponse().getWriter().write("after");
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                    async.complete();
                  });
            });
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.body()).isEqualTo("before after");
    assertThat(first.headers().firstValue("Cache-Control")).isEmpty();
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aPageLargerThanTheLimitIsSentWholeAndNotCached() throws Exception {
    String big = "y".repeat(3000);
    site(b -> b.maxPageBytes(1000)).text("/p", big);
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(first.body()).isEqualTo(big);
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void anErrorSentByTheApplicationIsNotCached() throws Exception {
    site().page("/p", (request, response) -> response.sendError(503));
    site.get("/p");
    HttpResponse<String> second = site.get("/p");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void textInAnyScriptIsServedIntactFromTheCache() throws Exception {
    site().text("/p", "héllo wörld ✓ 日本");
    site.get("/p");
    assertThat(site.get("/p").body()).isEqualTo("héllo wörld ✓ 日本");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void textLargerThanTheLimitIsStreamedIntact() throws Exception {
    String big = "日本語のテキスト ✓ ".repeat(200);
    site(b -> b.maxPageBytes(1000)).text("/p", big);
    assertThat(site.get("/p").body()).isEqualTo(big);
  }

  @Test
  void aHeaderSetByAFilterInFrontOfTheCacheIsNotRepeatedOnAHit() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(
                      (jakarta.servlet.Filter)
                          (request, response, chain) -> {
                            ((HttpServletResponse) response).setHeader("X-Frame-Options", "DENY");
                            chain.doFilter(request, response);
                          }),
                  "/*",
                  REQUEST);
              TestSite.behind(PageCache.builder(s.cache).storeResponsesWithCookies(true))
                  .install(context, s);
            });
    site.text("/p", "x", "Set-Cookie", "a=1", "Set-Cookie", "b=2");
    site.get("/p");
    HttpResponse<String> hit = site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
    assertThat(hit.headers().allValues("X-Frame-Options")).containsExactly("DENY");
    assertThat(hit.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
  }

  @Test
  void aBinaryBodyIsServedByteForByteFromTheCache() throws Exception {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    site()
        .page(
            "/bin",
            (request, response) -> {
              response.setContentType("application/octet-stream");
              response.getOutputStream().write(bytes);
            });
    site.get("/bin");
    HttpResponse<byte[]> hit = site.getBytes("/bin");
    assertThat(hit.body()).isEqualTo(bytes);
    assertThat(site.renders("/bin")).isEqualTo(1);
  }

  private void assertNotCached(String header, String value) throws Exception {
    site().text("/p", "x", header, value);
    HttpResponse<String> first = site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
    assertThat(first.headers().firstValue("Expires")).isEmpty();
  }
}
