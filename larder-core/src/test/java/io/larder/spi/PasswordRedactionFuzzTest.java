package io.larder.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Any password, however malformed ({@code /}, {@code @}, {@code ?}, {@code #}, {@code //}, {@code
 * :}, spaces), in a location with or without a scheme: the shown location never holds it. The
 * input is the password, then a line break and the host part (its {@code @}s dropped: a host has
 * none). Seeds: the passwords that leaked, in {@code PasswordRedactionFuzzTestInputs}. A
 * scheme-less {@code user:pw@host} whose password starts with {@code //} reads as a URL of scheme
 * {@code user} (as any URL parser reads it), so there the user name after {@code //} is shown.
 */
class PasswordRedactionFuzzTest {
  private static final List<String> SCHEMES =
      List.of("redis://", "rediss://", "jdbc:mysql://", "memcached://", "");

  @FuzzTest(maxDuration = "10s")
  void aShownLocationNeverHoldsItsPassword(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int cut = text.indexOf('\n');
    String password = cut < 0 ? text : text.substring(0, cut);
    String host = cut < 0 ? "127.0.0.1:6379/0" : text.substring(cut + 1).replace("@", "");
    for (String scheme : SCHEMES) {
      String shown = PasswordRedaction.apply(scheme + "user:" + password + "@" + host);
      boolean visibleAnyway = (scheme + "user:***@" + host).contains(password);
      // user://x@h is a URL of scheme "user" to every reader, this rule's too.
      boolean readAsAScheme = scheme.isEmpty() && password.startsWith("//");
      if (password.length() >= 4 && !visibleAnyway && !readAsAScheme) {
        assertThat(shown).as("%suser:%s@%s", scheme, password, host).doesNotContain(password);
      }
    }
  }
}
