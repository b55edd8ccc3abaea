package io.larder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code options.max_value_size} on writes: what a cache stores, a reader of the same settings must
 * be able to read. The bytes stored are checked, not only the serializer's output: compressing
 * incompressible data makes it a little larger, and a reader refuses stored bytes over the limit.
 */
class ValueSizeLimitTest {
  /** 970 random bytes: 997 bytes serialized, 1,008 once zlib has framed them. */
  private static final byte[] INCOMPRESSIBLE = new byte[970];

  static {
    new Random(7).nextBytes(INCOMPRESSIBLE);
  }

  private static Caches open(String compressor) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend("locmem")
                    .location("value-size-" + compressor)
                    .option("store_by_value", true)
                    .option("compressor", compressor)
                    .option("compress_min_length", 0)
                    .option("max_value_size", 1000))
        .build();
  }

  @Test
  void aValueJustUnderTheLimitIsStoredAndRead() {
    try (Caches caches = open("none")) {
      caches.getDefault().set("k", INCOMPRESSIBLE);
      assertThat((byte[]) caches.getDefault().get("k")).isEqualTo(INCOMPRESSIBLE);
    }
  }

  @Test
  void aValueTheCompressorTakesOverTheLimitIsRefusedAndTheOldOneKept() {
    try (Caches caches = open("zlib")) {
      Cache cache = caches.getDefault();
      cache.set("k", "old");
      assertThatThrownBy(() -> cache.set("k", INCOMPRESSIBLE))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("1008 bytes is over options.max_value_size (1000 bytes)");
      assertThat((String) cache.get("k")).isEqualTo("old");
      assertThat(cache.stats().corruptReads()).isZero();
    }
  }
}
