package io.larder.spi;

import io.larder.SerializationException;
import java.util.Objects;

/**
 * {@code options.max_value_size}: the most bytes one stored value may take, written or read. The
 * engine checks every value {@link StoreContext#serialize} writes and {@link
 * StoreContext#deserialize} reads against the cache's own limit; a store whose server takes less
 * checks its bytes against that lower limit here, so that the refusal reads the same in every
 * backend.
 *
 * <pre>{@code
 * ValueSizeLimit limit =
 *     ValueSizeLimit.of(context.alias(), Math.min(context.maxValueSize(), SERVER_MAX),
 *         "the server takes at most 512 MiB");
 * byte[] bytes = limit.checkWrite(context.serialize(value));
 * }</pre>
 *
 * @since 0.1
 */
public final class ValueSizeLimit {
  private final String alias;
  private final int maxBytes;
  private final String why;

  private ValueSizeLimit(String alias, int maxBytes, String why) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes is negative: " + maxBytes);
    }
    this.alias = Objects.requireNonNull(alias, "alias");
    this.maxBytes = maxBytes;
    this.why = why;
  }

  /**
   * The limit of {@code maxBytes} for the cache {@code alias}, named in its messages.
   *
   * @param alias the cache's alias; not null
   * @param maxBytes the most bytes one serialized value may take
   * @return the limit
   */
  public static ValueSizeLimit of(String alias, int maxBytes) {
    return new ValueSizeLimit(alias, maxBytes, null);
  }

  /**
   * The limit of {@code maxBytes} for the cache {@code alias}, lower than its own because of
   * {@code why} (the server's limit), which a refusal adds to its message.
   *
   * @param alias the cache's alias; not null
   * @param maxBytes the most bytes one serialized value may take
   * @param why the reason for the lower limit, e.g. {@code "memcached's item size"}; not null
   * @return the limit
   */
  public static ValueSizeLimit of(String alias, int maxBytes, String why) {
    return new ValueSizeLimit(alias, maxBytes, Objects.requireNonNull(why, "why"));
  }

  /**
   * {@code bytes}, about to be written, when they are within the limit.
   *
   * @param bytes the serialized value; not null
   * @return {@code bytes}, unchanged
   * @throws SerializationException naming the cache, the size and the limit, if they are over it
   */
  public byte[] checkWrite(byte[] bytes) {
    if (bytes.length > maxBytes) {
      throw new SerializationException(
          "Cache '"
              + alias
              + "': a value of "
              + bytes.length
              + " bytes is over options.max_value_size ("
              + maxBytes
              + " bytes"
              + (why == null ? "" : "; " + why)
              + ")");
    }
    return bytes;
  }

  /**
   * {@code bytes}, as read, when they are within the limit: a reader takes no more.
   *
   * @param bytes the bytes read; not null
   * @return {@code bytes}, unchanged
   * @throws SerializationException naming the size and the limit, if they are over it
   */
  public byte[] checkRead(byte[] bytes) {
    if (bytes.length > maxBytes) {
      throw new SerializationException(
          bytes.length + " stored bytes are over options.max_value_size (" + maxBytes + ")");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "ValueSizeLimit[" + alias + ", " + maxBytes + " bytes]";
  }
}
