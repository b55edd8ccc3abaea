package io.larder.formats;

import io.larder.SerializationException;

/** The error for a value a serializer cannot write: its class, the format and why. */
final class Unwritable {
  private Unwritable() {}

  static SerializationException value(Object value, String format, String serializer, Exception e) {
    return new SerializationException(
        "a " + (value == null ? "null" : value.getClass().getName()) + " cannot be written as "
            + format + " (options.serializer: " + serializer + "): " + e.getMessage(),
        e);
  }
}
