package io.larder;

/**
 * A value could not be turned into bytes, or bytes could not be turned back into a value (for
 * instance a class the serializer's allow-list rejects). On {@code set} and {@code add} nothing is
 * written.
 *
 * @since 0.1
 */
public class SerializationException extends CacheException {
  public SerializationException(String message) {
    super(message);
  }

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
