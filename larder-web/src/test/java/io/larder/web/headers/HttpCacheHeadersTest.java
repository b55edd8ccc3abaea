package io.larder.web.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The header rules of §8 on header values, with Django's verified examples. */
class HttpCacheHeadersTest {
  private static String patch(String existing, CacheDirectives d) {
    return HttpCacheHeaders.patchCacheControl(existing, d);
  }

  @Test
  void privateOnAnEmptyHeaderGivesPrivate() {
    assertThat(patch(null, CacheDirectives.none().privateCache())).isEqualTo("private");
  }

  @Test
  void privateReplacesAnExistingPublicAndTheSmallerMaxAgeIsKept() {
    assertThat(patch("public, max-age=100", CacheDirectives.none().privateCache().maxAge(50)))
        .isEqualTo("max-age=50, private");
  }

  @Test
  void publicReplacesAnExistingPrivate() {
    assertThat(patch("private", CacheDirectives.none().publicCache())).isEqualTo("public");
  }

  @Test
  void noCacheFieldsAccumulate() {
    assertThat(patch("no-cache=Set-Cookie", CacheDirectives.none().noCache("Link")))
        .isEqualTo("no-cache=Set-Cookie, no-cache=Link");
  }

  @Test
  void aBareNoCacheSupersedesTheFields() {
    assertThat(patch("no-cache=Set-Cookie,no-cache=Link", CacheDirectives.none().noCache()))
        .isEqualTo("no-cache");
  }

  @Test
  void anExistingSmallerMaxAgeWins() {
    assertThat(patch("max-age=10", CacheDirectives.none().maxAge(20))).isEqualTo("max-age=10");
  }

  @Test
  void existingNamesAreLowercased() {
    assertThat(patch("Foo=bar, MAX-AGE=5", CacheDirectives.none())).isEqualTo("foo=bar, max-age=5");
  }

  @Test
  void exclusionOnlyRemovesExistingDirectives() {
    CacheDirectives d =
        CacheDirectives.none().maxAge(123).privateCache().publicCache().value("custom", 456);
    assertThat(HeaderValues.split(patch(null, d)))
        .containsExactlyInAnyOrder("max-age=123", "private", "public", "custom=456");
  }

  @Test
  void noDirectivesOnNoHeaderGiveAnEmptyValue() {
    assertThat(patch(null, CacheDirectives.none())).isEmpty();
  }

  @Test
  void directivesParseFromAHeaderValue() {
    assertThat(CacheDirectives.parse("Public, max-age=60"))
        .isEqualTo(CacheDirectives.none().flag("public").value("max-age", "60"));
  }

  @Test
  void aDirectiveNameWithACommaIsRejected() {
    assertThatThrownBy(() -> CacheDirectives.none().flag("a,b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a,b");
  }

  @Test
  void maxAgeIsReadAsAnInteger() {
    assertThat(HttpCacheHeaders.getMaxAge("public, max-age=3600")).isEqualTo(3600L);
  }

  @Test
  void maxAgeIsNullWithoutAHeader() {
    assertThat(HttpCacheHeaders.getMaxAge((String) null)).isNull();
  }

  @Test
  void maxAgeIsNullWhenNotANumberOrBare() {
    assertThat(HttpCacheHeaders.getMaxAge("max-age=abc")).isNull();
    assertThat(HttpCacheHeaders.getMaxAge("max-age")).isNull();
  }

  @Test
  void maxAgeNamesAreCaseInsensitive() {
    assertThat(HttpCacheHeaders.getMaxAge("MAX-AGE=5")).isEqualTo(5L);
  }

  @Test
  void patchVaryKeepsOrderAndCaseAndAppendsNewHeaders() {
    assertThat(HttpCacheHeaders.patchVary("Accept-Encoding", List.of("COOKIE")))
        .isEqualTo("Accept-Encoding, COOKIE");
  }

  @Test
  void patchVarySkipsHeadersAlreadyThereInAnyCaseAndNormalisesWhitespace() {
    assertThat(HttpCacheHeaders.patchVary("Cookie    ,     Accept-Encoding", List.of("cookie")))
        .isEqualTo("Cookie, Accept-Encoding");
  }

  @Test
  void patchVaryCollapsesToAStar() {
    assertThat(HttpCacheHeaders.patchVary("Cookie", List.of("*"))).isEqualTo("*");
    assertThat(HttpCacheHeaders.patchVary("*", List.of("Cookie"))).isEqualTo("*");
  }

  @Test
  void patchVaryOnNoHeaderGivesTheNewHeaders() {
    assertThat(HttpCacheHeaders.patchVary(null, List.of(" Accept-Language ")))
        .isEqualTo("Accept-Language");
  }

  @Test
  void hasVaryIgnoresCaseAndWhitespace() {
    assertThat(HttpCacheHeaders.hasVary("Accept-Encoding,  COOKIE ", "cookie")).isTrue();
    assertThat(HttpCacheHeaders.hasVary(" * ", "*")).isTrue();
    assertThat(HttpCacheHeaders.hasVary("Accept-Encoding", "Cookie")).isFalse();
    assertThat(HttpCacheHeaders.hasVary((String) null, "Cookie")).isFalse();
  }

  @Test
  void httpDatesAreImfFixdateWithTwoDigitDays() {
    assertThat(HttpDates.format(1167616461L)).isEqualTo("Mon, 01 Jan 2007 01:54:21 GMT");
  }

  @Test
  void httpDatesParseTheThreeFormsRfc9110Accepts() {
    assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(784111777L);
    assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(784111777L);
    assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(784111777L);
    assertThat(HttpDates.parse("tomorrow")).isEqualTo(Long.MIN_VALUE);
  }
}
