package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidConfigurationException;
import io.larder.web.FilterConfigStub;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

/**
 * Variants of one path are bounded whatever makes them vary (issue 24, item 7): Django's {@code
 * ALLOWED_HOSTS} keeps pages to the site's hosts (and answers others 400 where the application asks
 * for it), and the per-path cap counts made-up hosts, path parameters and query strings alike.
 * Hostile {@code Host} headers and URLs over real HTTP against a real Jetty.
 */
class HostsAndVariantsTest extends SiteTest {
  private final AtomicInteger renders = new AtomicInteger();

  /** The page at /vary, whatever its path parameters or encoding, and its host in the body. */
  private final HttpServlet page =
      new HttpServlet() {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
          renders.incrementAndGet();
          response.getWriter().write("page for " + request.getServerName());
        }
      };

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              context.addFilter(
                  new FilterHolder(options.apply(PageCache.builder(s.cache)).build().filter()),
                  "/*",
                  REQUEST);
              context.addServlet(new ServletHolder(page), "/*");
            });
    return site;
  }

  @Test
  void aRequestForAHostNotAllowedIsNeitherStoredNorAnsweredFromTheCache() throws Exception {
    site(b -> b.allowedHosts("www.example.com"));
    site.get("/vary", "Host", "evil.example");
    HttpResponse<String> again = site.get("/vary", "Host", "evil.example");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("page for evil.example");
    assertThat(renders).hasValue(2);
  }

  @Test
  void anAllowedHostIsCachedWhateverItsCaseAndPort() throws Exception {
    site(b -> b.allowedHosts("www.example.com"));
    site.get("/vary", "Host", "www.example.com");
    site.get("/vary", "Host", "www.example.com");
    site.get("/vary", "Host", "WWW.Example.com:8080");
    site.get("/vary", "Host", "WWW.Example.com:8080");
    assertThat(renders).hasValue(2);
  }

  @Test
  void aDomainPatternAllowsTheDomainAndItsSubdomainsOnly() throws Exception {
    site(b -> b.allowedHosts(".example.com"));
    site.get("/vary", "Host", "example.com");
    site.get("/vary", "Host", "example.com");
    site.get("/vary", "Host", "shop.example.com");
    site.get("/vary", "Host", "shop.example.com");
    site.get("/vary", "Host", "notexample.com");
    site.get("/vary", "Host", "notexample.com");
    assertThat(renders).hasValue(4);
  }

  @Test
  void aRequestForAHostNotAllowedIsAnswered400WhereTheApplicationAsks() throws Exception {
    site(b -> b.allowedHosts("www.example.com").rejectDisallowedHosts(true));
    HttpResponse<String> evil = site.get("/vary", "Host", "evil.example");
    HttpResponse<String> post = site.send("POST", "/vary", "Host", "evil.example");
    HttpResponse<String> ours = site.get("/vary", "Host", "www.example.com");
    assertThat(evil.statusCode()).isEqualTo(400);
    assertThat(post.statusCode()).isEqualTo(400);
    assertThat(ours.statusCode()).isEqualTo(200);
    assertThat(renders).hasValue(1);
  }

  @Test
  void madeUpHostsBeyondTheCapAreServedButNotStored() throws Exception {
    site(b -> b.maxVariantsPerPath(3));
    for (int i = 0; i < 5; i++) {
      site.get("/vary", "Host", "h" + i + ".example");
    }
    for (int i = 0; i < 5; i++) {
      assertThat(site.get("/vary", "Host", "h" + i + ".example").body())
          .isEqualTo("page for h" + i + ".example");
    }
    assertThat(renders).hasValue(5 + 2);
  }

  @Test
  void pathParameterVariantsBeyondTheCapAreServedButNotStored() throws Exception {
    site(b -> b.maxVariantsPerPath(3));
    for (int i = 0; i < 5; i++) {
      site.get("/vary;w=" + i);
    }
    for (int i = 0; i < 5; i++) {
      site.get("/vary;w=" + i);
    }
    assertThat(renders).hasValue(5 + 2);
  }

  @Test
  void oneCapCountsHostsPathParametersAndQueriesOfAPathTogether() throws Exception {
    site(b -> b.maxVariantsPerPath(3).allowedHosts("127.0.0.1", ".example"));
    site.get("/vary?q=1");
    site.get("/vary;w=1");
    site.get("/vary", "Host", "a.example");
    site.get("/vary", "Host", "b.example");
    site.get("/vary", "Host", "b.example");
    assertThat(renders).as("the fourth variant is not stored").hasValue(5);
  }

  @Test
  void thePlainPageOfANamedHostIsStoredDuringAFloodOfItsVariants() throws Exception {
    site(b -> b.maxVariantsPerPath(3).allowedHosts("127.0.0.1", ".example"));
    for (int i = 0; i < 10; i++) {
      site.get("/vary", "Host", "h" + i + ".example");
      site.get("/vary;w=" + i);
    }
    site.get("/vary");
    site.get("/vary");
    assertThat(renders).hasValue(20 + 1);
  }

  @Test
  void theSettingsAreReadFromInitParams() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              FilterHolder filter = new FilterHolder(PageCacheFilter.class);
              filter.setInitParameter("allowed-hosts", "www.example.com, .example.org");
              filter.setInitParameter("reject-disallowed-hosts", "true");
              filter.setInitParameter("max-variants-per-path", "1");
              context.addFilter(filter, "/*", REQUEST);
              context.addServlet(new ServletHolder(page), "/*");
            });
    assertThat(site.get("/vary", "Host", "evil.example").statusCode()).isEqualTo(400);
    site.get("/vary?q=1", "Host", "shop.example.org");
    site.get("/vary?q=2", "Host", "shop.example.org");
    site.get("/vary?q=1", "Host", "shop.example.org");
    site.get("/vary?q=2", "Host", "shop.example.org");
    assertThat(renders).as("one variant stored, the other rendered each time").hasValue(3);
  }

  @Test
  void aWrongAllowedHostsInitParamNamesTheFilterAndWhatIsAccepted() throws Exception {
    site(b -> b);
    FilterConfigStub config =
        new FilterConfigStub("pages", Map.of("allowed-hosts", "https://www.example.com/"), site);
    assertThatThrownBy(() -> new PageCacheFilter().init(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "Filter 'pages': init-param 'allowed-hosts' is 'https://www.example.com/'; accepted:");
  }

  @Test
  void aWrongVariantCapInitParamNamesTheFilterAndWhatIsAccepted() throws Exception {
    site(b -> b);
    FilterConfigStub config =
        new FilterConfigStub("pages", Map.of("max-variants-per-path", "many"), site);
    assertThatThrownBy(() -> new PageCacheFilter().init(config))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "Filter 'pages': init-param 'max-variants-per-path' is 'many'; accepted: a whole"
                + " number of pages, 0 to 2147483647");
  }
}
