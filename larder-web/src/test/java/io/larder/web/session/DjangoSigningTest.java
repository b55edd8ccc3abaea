package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Django's signing of session data, against values Debian's Django 3.2 signed with {@code
 * signing.dumps(..., salt='django.contrib.sessions.backends.signed_cookies', compress=True)},
 * {@code SECRET_KEY='django-insecure-test-key'}, at {@code time.time() == 1700000000}.
 */
class DjangoSigningTest {
  private static final String KEY = "django-insecure-test-key";
  private static final long NOW = 1_700_000_000L;
  private static final String SALT = SignedCookieSessionStore.SALT;

  private static final String COUNT =
      "eyJjb3VudCI6NX0:1r31eq:BsUA6ZXgfECOQ2Ax4iUakZkgCQCdJwYFSb3y5Q1n1wY";
  private static final String UNICODE =
      "eyJjb3VudCI6NSwibmFtZSI6ImhcdTAwZTlsbG8ifQ:1r31eq:uyS8ofEonJh5pUcfz86yGR3eQkts502Wm7s7wpd1Vqw";
  private static final String COMPRESSED =
      ".eJyrVipJrShRslKqGCZAqRYA4g5hQA:1r31eq:BKHKXMbYYqhIpW25yGtYzGq2xMz3NjkQXWtINVgPVOI";
  private static final String SIGNED_WITH_OLD_KEY =
      "eyJjb3VudCI6NX0:1r31eq:OyqWVT69TqtLISrfdjVMIEHJZCWE8uJzWFGDQOx1D6A";

  private final DjangoSigning signing = new DjangoSigning(KEY, List.of(), SALT);

  @Test
  void writesExactlyWhatDjangoWrites() {
    assertThat(signing.dumps(Map.of("count", 5), NOW)).isEqualTo(COUNT);
  }

  @Test
  void compressesAsDjangoDoesWhenItSavesSpace() {
    assertThat(signing.dumps(Map.of("text", "x".repeat(200)), NOW)).isEqualTo(COMPRESSED);
  }

  @Test
  void readsWhatDjangoSigned() throws Exception {
    assertThat(signing.loads(UNICODE, NOW, -1))
        .containsExactly(Map.entry("count", 5), Map.entry("name", "héllo"));
    assertThat(signing.loads(COMPRESSED, NOW, -1)).containsEntry("text", "x".repeat(200));
  }

  @Test
  void writesNonAsciiAsJsonEscapesThatDjangoReadsAsLatin1() throws Exception {
    String signed = signing.dumps(Map.of("name", "héllo ✓"), NOW);

    assertThat(signed).matches("[A-Za-z0-9_:.-]+");
    assertThat(signing.loads(signed, NOW, -1)).containsEntry("name", "héllo ✓");
  }

  @Test
  void aChangedSignatureIsRefused() {
    String tampered = COUNT.substring(0, COUNT.length() - 1) + "A";

    assertThatThrownBy(() -> signing.loads(tampered, NOW, -1))
        .isInstanceOf(DjangoSigning.Rejected.class)
        .hasMessage("bad signature");
  }

  @Test
  void aChangedValueIsRefused() {
    String tampered = "eyJjb3VudCI6OX0" + COUNT.substring(COUNT.indexOf(':'));

    assertThatThrownBy(() -> signing.loads(tampered, NOW, -1))
        .isInstanceOf(DjangoSigning.Rejected.class)
        .hasMessage("bad signature");
  }

  @Test
  void anotherSaltsSignatureIsRefused() {
    DjangoSigning database = new DjangoSigning(KEY, List.of(), DatabaseSessionStore.SALT);

    assertThatThrownBy(() -> database.loads(COUNT, NOW, -1))
        .isInstanceOf(DjangoSigning.Rejected.class);
  }

  @Test
  void aSignatureOlderThanTheMaxAgeIsRefusedAsExpired() {
    assertThatThrownBy(() -> signing.loads(COUNT, NOW + 61, 60))
        .isInstanceOfSatisfying(
            DjangoSigning.Rejected.class, e -> assertThat(e.expired()).isTrue());
  }

  @Test
  void aSignatureAsOldAsTheMaxAgeIsAccepted() throws Exception {
    assertThat(signing.loads(COUNT, NOW + 60, 60)).containsEntry("count", 5);
  }

  @Test
  void aFallbackKeyVerifiesWhatTheOldKeySigned() throws Exception {
    DjangoSigning rotated = new DjangoSigning(KEY, List.of("old-key"), SALT);

    assertThat(rotated.loads(SIGNED_WITH_OLD_KEY, NOW, -1)).containsEntry("count", 5);
    assertThatThrownBy(() -> signing.loads(SIGNED_WITH_OLD_KEY, NOW, -1))
        .isInstanceOf(DjangoSigning.Rejected.class);
  }

  @Test
  void theCurrentKeySignsNewValuesAfterARotation() {
    DjangoSigning rotated = new DjangoSigning(KEY, List.of("old-key"), SALT);

    assertThat(rotated.dumps(Map.of("count", 5), NOW)).isEqualTo(COUNT);
  }

  @Test
  void garbageIsRefusedNotThrown() {
    for (String garbage : List.of("", "abc", "a:b", "a:b:c", ".:!:x", COUNT + ":")) {
      assertThatThrownBy(() -> signing.loads(garbage, NOW, -1))
          .as(garbage)
          .isInstanceOf(DjangoSigning.Rejected.class);
    }
  }

  @Test
  void aValueJsonCannotHoldIsRefusedWhenWritten() {
    assertThatThrownBy(() -> signing.dumps(Map.of("when", new java.util.Date()), NOW))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("attribute 'when'")
        .hasMessageContaining("java.util.Date");
    assertThatThrownBy(() -> signing.dumps(Map.of("tags", Set.of("a")), NOW))
        .isInstanceOf(SerializationException.class);
  }
}
