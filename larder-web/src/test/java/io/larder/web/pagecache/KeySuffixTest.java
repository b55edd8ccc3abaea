package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.spi.Md5;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Django's USE_I18N/USE_TZ key suffix: per-language pages are cached apart without {@code Vary:
 * Accept-Language}, and both keys end with the language and the time zone as Django's do.
 */
class KeySuffixTest extends SiteTest {
  private static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

  private TestSite site(UnaryOperator<PageCache.Builder> options) throws Exception {
    site =
        TestSite.start(
            (context, s) ->
                TestSite.behind(options.apply(PageCache.builder(s.cache))).install(context, s));
    site.page(
        "/hello",
        (request, response) ->
            response
                .getWriter()
                .write(request.getLocale().getLanguage().equals("fr") ? "Bonjour" : "Hello"));
    return site;
  }

  private String urlMd5(String path) {
    return Md5.hex(("http://" + site.host() + path).getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void eachLanguageIsCachedApart() throws Exception {
    site(b -> b.keySuffix(KeySuffix.languages("en", "fr")));
    assertThat(site.get("/hello", "Accept-Language", "fr").body()).isEqualTo("Bonjour");
    assertThat(site.get("/hello", "Accept-Language", "en").body()).isEqualTo("Hello");
    assertThat(site.get("/hello", "Accept-Language", "fr").body()).isEqualTo("Bonjour");
    assertThat(site.get("/hello", "Accept-Language", "en").body()).isEqualTo("Hello");
    assertThat(site.renders("/hello")).isEqualTo(2);
  }

  @Test
  void withoutTheSuffixOneLanguageIsServedToAll() throws Exception {
    site(b -> b);
    site.get("/hello", "Accept-Language", "fr");
    assertThat(site.get("/hello", "Accept-Language", "en").body()).isEqualTo("Bonjour");
  }

  @Test
  void bothKeysEndWithTheLanguageAndTimeZoneAsDjangosDo() throws Exception {
    site(b -> b.keySuffix(KeySuffix.languages("en-us", "fr").andZone(r -> "America/Chicago")));
    site.get("/hello", "Accept-Language", "en-US");
    String url = urlMd5("/hello");
    assertThat(
            site.cache.hasKey(
                "views.decorators.cache.cache_header.." + url + ".en-us.America/Chicago"))
        .isTrue();
    assertThat(
            site.cache.hasKey(
                "views.decorators.cache.cache_page..GET."
                    + url
                    + "."
                    + EMPTY_MD5
                    + ".en-us.America/Chicago"))
        .isTrue();
  }

  @Test
  void acceptLanguageLeavesTheHeaderListWhenTheLanguageIsInTheKey() throws Exception {
    site(b -> b.keySuffix(KeySuffix.languages("en", "fr")));
    site.text("/varied", "x", "Vary", "Accept-Language, Accept-Encoding");
    site.get("/varied", "Accept-Language", "fr");
    Object headerList =
        site.cache.get("views.decorators.cache.cache_header.." + urlMd5("/varied") + ".fr");
    assertThat(headerList).isEqualTo(java.util.List.of("HTTP_ACCEPT_ENCODING"));
  }

  /**
   * A site that renders its first supported language, as Spring's AcceptHeaderLocaleResolver with
   * supported locales en and fr does, and says nothing of it in Content-Language.
   */
  private TestSite firstSupportedSite(KeySuffix suffix) throws Exception {
    site(b -> b.keySuffix(suffix));
    site.page(
        "/greet",
        (request, response) -> {
          String language = "en";
          for (java.util.Enumeration<java.util.Locale> l = request.getLocales();
              l.hasMoreElements(); ) {
            String candidate = l.nextElement().getLanguage();
            if (candidate.equals("en") || candidate.equals("fr")) {
              language = candidate;
              break;
            }
          }
          response.getWriter().write(language.equals("fr") ? "Bonjour" : "Hello");
        });
    return site;
  }

  @Test
  void aFirstChoiceTheSiteDoesNotSupportDoesNotKeyThePageOfAnother() throws Exception {
    firstSupportedSite(KeySuffix.languages("en", "fr"));
    assertThat(site.get("/greet", "Accept-Language", "de, fr").body()).isEqualTo("Bonjour");
    assertThat(site.get("/greet", "Accept-Language", "de").body()).isEqualTo("Hello");
    assertThat(site.get("/greet", "Accept-Language", "fr-CA, de;q=0.9").body())
        .isEqualTo("Bonjour");
    assertThat(site.renders("/greet")).isEqualTo(2);
  }

  @Test
  void unknownLanguageTagsMintNoKeys() throws Exception {
    firstSupportedSite(KeySuffix.languages("en", "fr"));
    for (int i = 0; i < 20; i++) {
      assertThat(site.get("/greet", "Accept-Language", "zz-" + i).body()).isEqualTo("Hello");
    }
    assertThat(site.renders("/greet")).isEqualTo(1);
    String headerKey = "views.decorators.cache.cache_header.." + urlMd5("/greet");
    assertThat(site.cache.hasKey(headerKey + ".en")).isTrue();
    assertThat(site.cache.hasKey(headerKey + ".zz-0")).isFalse();
  }

  @Test
  void aHostileAcceptLanguageGetsTheDefaultLanguagesPage() throws Exception {
    firstSupportedSite(KeySuffix.languages("en", "fr"));
    site.get("/greet", "Accept-Language", "en");
    String hostile = "fr;q=2, " + "x".repeat(600) + ", ;;;=" + "a-".repeat(2000);
    HttpResponse<String> response = site.get("/greet", "Accept-Language", hostile);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("Hello");
    assertThat(site.renders("/greet")).isEqualTo(1);
  }

  @Test
  void aResponseInAnotherLanguageThanItsKeyIsNotStored() throws Exception {
    site(b -> b.keySuffix(KeySuffix.language(r -> "de")));
    site.page(
        "/fr",
        (request, response) -> {
          response.setLocale(java.util.Locale.FRENCH);
          response.getWriter().write("Bonjour");
        });
    HttpResponse<String> first = site.get("/fr");
    site.get("/fr");
    assertThat(first.headers().firstValue("Content-Language")).hasValue("fr");
    assertThat(site.renders("/fr")).isEqualTo(2);
  }

  @Test
  void aResponseInItsKeysLanguageIsStored() throws Exception {
    site(b -> b.keySuffix(KeySuffix.language(r -> "fr")));
    site.page(
        "/fr",
        (request, response) -> {
          response.setLocale(java.util.Locale.FRANCE);
          response.getWriter().write("Bonjour");
        });
    site.get("/fr");
    site.get("/fr");
    assertThat(site.renders("/fr")).isEqualTo(1);
  }

  @Test
  void aRequestTheApplicationNamesNoLanguageForIsNotCached() throws Exception {
    site(b -> b.keySuffix(KeySuffix.language(r -> r.getHeader("X-Lang"))));
    site.text("/p", "x");
    site.get("/p", "X-Lang", "not a language!");
    site.get("/p", "X-Lang", "not a language!");
    site.get("/p");
    assertThat(site.renders("/p")).isEqualTo(3);
    site.get("/p", "X-Lang", "FR");
    site.get("/p", "X-Lang", "fr");
    assertThat(site.renders("/p")).isEqualTo(4);
  }

  @Test
  void theSiteMustNameAtLeastOneValidLanguage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeySuffix.languages())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one language code");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeySuffix.languages("en", "en_US"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("languages: 'en_US' is not a language code; accepted: codes such as en, pt-br");
  }

  @Test
  void theLanguagesInitParamKeysPagesOnTheSitesLanguages() throws Exception {
    site =
        TestSite.start(
            (context, s) -> {
              org.eclipse.jetty.ee10.servlet.FilterHolder filter =
                  new org.eclipse.jetty.ee10.servlet.FilterHolder(PageCacheFilter.class);
              filter.setInitParameter("languages", "en fr");
              context.addFilter(filter, "/*", REQUEST);
              context.addServlet(
                  new org.eclipse.jetty.ee10.servlet.ServletHolder(s.pagesServlet()), "/*");
            });
    site.text("/p", "x");
    site.get("/p", "Accept-Language", "de, fr");
    String headerKey = "views.decorators.cache.cache_header.." + urlMd5("/p");
    assertThat(site.cache.hasKey(headerKey + ".fr")).isTrue();
  }
}
