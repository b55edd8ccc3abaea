package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.formats.Lz4Compressor;
import io.larder.formats.LzmaCompressor;
import io.larder.formats.ZstdCompressor;
import io.larder.spi.Compressor;
import io.larder.testsupport.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A compressed value planted in Redis that expands past {@code max_value_size} (a kilobyte that
 * claims hundreds), or a malformed frame, is a counted miss on each of lz4, zstd and lzma: never an
 * error, never an allocation of the claimed size.
 */
class RedisCompressionBombTest {
  private static final int LIMIT = 64 * 1024;

  private Caches caches;
  private Cache cache;

  private void open(String compressor) {
    caches =
        RedisCaches.of(
            c ->
                c.location(RedisServers.standalone().url(8))
                    .keyPrefix("bomb")
                    .option("compressor", compressor)
                    .option("max_value_size", LIMIT));
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.close();
  }

  private static Compressor unbounded(String name) {
    int any = Integer.MAX_VALUE - 8;
    return switch (name) {
      case "lz4" -> new Lz4Compressor(15, any);
      case "zstd" -> new ZstdCompressor(15, any);
      default -> new LzmaCompressor(100, any);
    };
  }

  private void plant(String key, byte[] value) {
    cache
        .unwrap(RedisExtension.class)
        .commands()
        .set(cache.makeKey(key).getBytes(StandardCharsets.UTF_8), value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "zstd", "lzma"})
  void aKilobyteThatExpandsPastMaxValueSizeIsACountedMiss(String compressor) {
    open(compressor);
    byte[] bomb = unbounded(compressor).compress(new byte[3 * LIMIT]);
    assertThat(bomb.length).isLessThanOrEqualTo(1024);
    plant("bomb", bomb);

    assertThat(cache.get("bomb", "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lz4", "zstd", "lzma"})
  void aMalformedFrameIsACountedMiss(String compressor) {
    open(compressor);
    cache.set("value", "a value long enough to be compressed ".repeat(20));
    byte[] stored =
        cache
            .unwrap(RedisExtension.class)
            .commands()
            .get(cache.makeKey("value").getBytes(StandardCharsets.UTF_8));
    plant("value", java.util.Arrays.copyOf(stored, stored.length - 4));

    assertThat(cache.get("value", "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
  }
}
