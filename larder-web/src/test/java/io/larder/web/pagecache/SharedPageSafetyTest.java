package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The page cache never hands one visitor's response to another (issue 16): a response that sets a
 * cookie is not stored unless the view opts in, one already expired by its own headers is not
 * stored, Age counts from the time of storing, and a flood of query strings cannot crowd out the
 * real pages.
 */
class SharedPageSafetyTest extends SiteTest {

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) ->
                TestSite.behind(options.apply(PageCache.builder(s.cache))).install(context, s));
    return site;
  }

  @Test
  void aResponseThatSetsACsrfCookieIsNotStored() throws Exception {
    site(b -> b).text("/form", "x", "Set-Cookie", "csrftoken=visitor-one; Path=/");
    site.get("/form");
    HttpResponse<String> second = site.get("/form");
    assertThat(site.renders("/form")).isEqualTo(2);
    assertThat(second.headers().allValues("Set-Cookie"))
        .containsExactly("csrftoken=visitor-one; Path=/");
  }

  @Test
  void aResponseThatSetsACookieIsStoredWhenTheViewOptsIn() throws Exception {
    site(b -> b.storeResponsesWithCookies(true)).text("/p", "x", "Set-Cookie", "theme=dark");
    site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aResponseAlreadyExpiredByItsOwnExpiresIsNotStored() throws Exception {
    site(b -> b).text("/p", "x", "Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
    site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(2);
  }

  @Test
  void aResponseWhoseMaxAgeOverridesAPastExpiresIsStored() throws Exception {
    site(b -> b)
        .text("/p", "x", "Expires", "Thu, 01 Jan 1970 00:00:00 GMT", "Cache-Control", "max-age=60");
    site.get("/p");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void ageCountsFromTheTimeOfStoringWhateverExpiresTheViewSet() throws Exception {
    site(b -> b.pageTimeout(java.time.Duration.ofSeconds(60)))
        .text("/p", "x", "Expires", "Thu, 01 Jan 1970 00:00:00 GMT", "Cache-Control", "max-age=60");
    site.get("/p");
    site.clock.advanceSeconds(7);
    assertThat(site.get("/p").headers().firstValue("Age")).hasValue("7");
  }

  @Test
  void queryStringVariantsBeyondTheLimitAreServedButNotStored() throws Exception {
    site(b -> b.maxVariantsPerPath(3)).text("/search", "results");
    for (int i = 0; i < 5; i++) {
      site.get("/search?q=" + i);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(site.get("/search?q=" + i).body()).isEqualTo("results");
    }
    assertThat(site.renders("/search")).isEqualTo(5 + 2);
  }

  @Test
  void thePageWithoutAQueryStringIsStoredDuringAFlood() throws Exception {
    // The plain page is exempt for a host the site names (any other host could be made up).
    site(b -> b.maxVariantsPerPath(3).allowedHosts("127.0.0.1")).text("/search", "results");
    for (int i = 0; i < 10; i++) {
      site.get("/search?q=" + i);
    }
    site.get("/search");
    site.get("/search");
    assertThat(site.renders("/search")).isEqualTo(10 + 1);
  }
}
