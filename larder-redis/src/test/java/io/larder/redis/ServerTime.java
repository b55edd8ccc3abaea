package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server's own clock, so that a test checks an expiry against the instants the server
 * itself read around the write ({@code TIME}) and the absolute expiry it holds ({@code
 * PEXPIRETIME}), exact to the millisecond however long the test took on a loaded machine.
 *
 * <pre>{@code
 * long before = ServerTime.nowMillis(commands);
 * cache.set("k", "v", Timeout.seconds(100.5));
 * long after = ServerTime.nowMillis(commands);
 * ServerTime.assertExpiresAfter(
 *     commands, cache.makeKey("k"), Duration.ofMillis(100_500), before, after);
 * }</pre>
 */
final class ServerTime {
  private ServerTime() {}

  /** The server's {@code TIME}, in milliseconds since the epoch. */
  static long nowMillis(RedisClusterCommands<byte[], byte[]> redis) {
    List<byte[]> time = redis.time();
    long seconds = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII));
    long micros = Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
    return seconds * 1000 + micros / 1000;
  }

  /**
   * Asserts that the server holds {@code key} to expire {@code timeout} after an instant between
   * {@code before} and {@code after} on its clock: the write, which the caller made between them.
   */
  static void assertExpiresAfter(
      RedisClusterCommands<byte[], byte[]> redis,
      String key,
      Duration timeout,
      long before,
      long after) {
    long millis = timeout.toMillis();
    assertThat(redis.pexpiretime(key.getBytes(StandardCharsets.UTF_8)))
        .as(
            "when %s expires on the server's clock: %d ms after it was written, between %d and %d",
            key, millis, before, after)
        .isBetween(before + millis, after + millis);
  }
}
