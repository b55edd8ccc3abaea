package io.larder.memcached;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.SerializationException;
import io.larder.Caches;
import java.util.Map;
import net.rubyeye.xmemcached.transcoders.CachedData;

/**
 * memcached items of any flags and bytes, as another client or an attacker may leave them: a value
 * or a {@link SerializationException}; never another exception, an {@code Error} or a hang. Seeds:
 * zlib bombs under each flag, a million digits, hostile Java streams, in {@code
 * ValueFlagsFuzzTestInputs}.
 */
class ValueFlagsFuzzTest {
  /** The cache's own reader (Java serializer, 1 MiB limit); the cache never connects. */
  private final ValueFlags flags =
      Caches.builder()
          .environment(Map.of())
          .cache(
              "default",
              c -> c.backend("memcached").location("127.0.0.1:1").option("max_value_size", 1 << 20))
          .build()
          .getDefault()
          .unwrap(MemcachedStore.class)
          .flags();

  @FuzzTest(maxDuration = "10s")
  void anyItemIsAValueOrASerializationException(FuzzedDataProvider data) {
    CachedData item = new CachedData(data.consumeInt(0, 31), data.consumeRemainingAsBytes());
    try {
      flags.decode(item);
    } catch (SerializationException refused) {
      // corrupt, hostile, over a limit, or naming a class outside the allow-list
    }
  }
}
