package io.larder.compress;

import java.util.zip.DataFormatException;

/**
 * A compressed value that expands to more than the reader's limit: a decompression bomb.
 *
 * @since 0.1
 */
public final class OversizedValueException extends DataFormatException {
  /**
   * The value expands past {@code limit} bytes ({@code options.max_value_size}).
   *
   * @param limit the most bytes the value may inflate to
   */
  public OversizedValueException(int limit) {
    super("the compressed value inflates to more than " + limit + " bytes (options.max_value_size)");
  }
}
