package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.internal.Md5;
import io.larder.web.SiteTest;
import io.larder.web.TestSite;
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
    site(b -> b.keySuffix(KeySuffix.language()));
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
    site(b -> b.keySuffix(KeySuffix.language().andZone(r -> "America/Chicago")));
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
    site(b -> b.keySuffix(KeySuffix.language()));
    site.text("/varied", "x", "Vary", "Accept-Language, Accept-Encoding");
    site.get("/varied", "Accept-Language", "fr");
    Object headerList =
        site.cache.get("views.decorators.cache.cache_header.." + urlMd5("/varied") + ".fr");
    assertThat(headerList).isEqualTo(java.util.List.of("HTTP_ACCEPT_ENCODING"));
  }
}
