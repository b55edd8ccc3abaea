package io.larder.cli;

import io.larder.Timeout;
import io.larder.spi.SettingValues;
import picocli.CommandLine.ITypeConverter;

/** {@code --timeout}: Django's TIMEOUT, read as configuration reads it. */
final class Timeouts implements ITypeConverter<Timeout> {
  @Override
  public Timeout convert(String value) {
    try {
      return SettingValues.timeout(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--timeout must be " + e.getMessage() + ", got '" + value + "'");
    }
  }
}
