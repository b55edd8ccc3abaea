package io.larder.compress;

import java.util.zip.DataFormatException;

/**
 * A compressed value that inflates to more than the reader's limit: a zlib or gzip bomb.
 *
 * @since 0.1
 */
public final class OversizedValueException extends DataFormatException {
  OversizedValueException(int limit) {
    super("the compressed value inflates to more than " + limit + " bytes (options.max_value_size)");
  }
}
