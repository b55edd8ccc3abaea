package io.larder;

/**
 * A value could not be turned into bytes, or bytes could not be turned back into a value (for
 * instance a class the serializer's allow-list rejects). On {@code set} and {@code add} nothing is
 * written.
 *
 * @since 0.1
 */
public class SerializationException extends CacheException {
  /**
   * A value that cannot be serialized or read back.
   *
   * @param message what cannot be serialized and why
   */
  public SerializationException(String message) {
    super(message);
  }

  /**
   * A value that cannot be serialized or read back, because of {@code cause}.
   *
   * @param message what cannot be serialized and why
   * @param cause the underlying failure; may be null
   */
  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
