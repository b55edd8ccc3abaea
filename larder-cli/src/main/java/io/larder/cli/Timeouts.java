package io.larder.cli;

import io.larder.Timeout;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** {@code --timeout}: seconds (fractions allowed), or none/never/null for no expiry. */
final class Timeouts implements ITypeConverter<Timeout> {
  @Override
  public Timeout convert(String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.equals("none") || text.equals("never") || text.equals("null")) {
      return Timeout.NEVER;
    }
    try {
      return Timeout.seconds(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--timeout must be a number of seconds or 'none', got '" + value + "'");
    }
  }
}
