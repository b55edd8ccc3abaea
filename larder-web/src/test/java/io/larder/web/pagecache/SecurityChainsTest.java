package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Servlet specification's URL patterns, by which a security chain is found to cover a path. */
class SecurityChainsTest {
  @Test
  void everyPathPatternAndTheDefaultServletCoverEveryPath() {
    assertThat(SecurityChains.matches("/*", "/members/report")).isTrue();
    assertThat(SecurityChains.matches("/", "/members/report")).isTrue();
  }

  @Test
  void aPathPrefixCoversItselfAndWhatIsBelowIt() {
    assertThat(SecurityChains.matches("/members/*", "/members")).isTrue();
    assertThat(SecurityChains.matches("/members/*", "/members/report")).isTrue();
    assertThat(SecurityChains.matches("/members/*", "/membership")).isFalse();
    assertThat(SecurityChains.matches("/members/*", "/open")).isFalse();
  }

  @Test
  void anExtensionCoversTheLastSegmentOnly() {
    assertThat(SecurityChains.matches("*.jsp", "/a/b.jsp")).isTrue();
    assertThat(SecurityChains.matches("*.jsp", "/a.jsp/b")).isFalse();
  }

  @Test
  void anExactPatternCoversItsPathAndTheEmptyOneTheRoot() {
    assertThat(SecurityChains.matches("/admin", "/admin")).isTrue();
    assertThat(SecurityChains.matches("/admin", "/admin/x")).isFalse();
    assertThat(SecurityChains.matches("", "/")).isTrue();
    assertThat(SecurityChains.matches("", "/x")).isFalse();
  }
}
