package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The request headers a client chooses and the page cache reads to make a key, on any bytes:
 * {@code Accept-Language} always gives one of the site's languages (so no header mints a key), and
 * a {@code Host} is allowed only when it is a valid host a pattern matches; never an exception.
 * Seeds: hostile headers, in {@code PageHeadersFuzzTestInputs}.
 */
class PageHeadersFuzzTest {
  private static final List<String> LANGUAGES = List.of("en", "fr", "pt-br", "de");
  private final SupportedLanguages languages = SupportedLanguages.of(LANGUAGES);
  private final AllowedHosts hosts = AllowedHosts.of(List.of("www.example.com", ".example.org"));

  @FuzzTest(maxDuration = "10s")
  void acceptLanguageAlwaysNamesOneOfTheSitesLanguages(byte[] header) {
    assertThat(languages.resolve(new String(header, StandardCharsets.ISO_8859_1)))
        .isIn(LANGUAGES);
  }

  @FuzzTest(maxDuration = "10s")
  void aHostIsAllowedOnlyWhenItIsAValidHost(byte[] header) {
    String host = new String(header, StandardCharsets.ISO_8859_1);
    if (hosts.allows(host)) {
      String domain = AllowedHosts.domain(host);
      assertThat(domain).isNotNull();
      assertThat(domain.equals("www.example.com") || domain.equals("example.org")
              || domain.endsWith(".example.org"))
          .isTrue();
    }
  }
}
