package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.CounterOverflowException;
import io.larder.HostilePayloads;
import io.larder.testsupport.MemcachedServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Items written straight into memcached by anyone who can reach it, and counters past 2^63 (issue
 * 16): a hostile item is a miss counted as a corrupt read, and an overflowing counter is refused
 * while the server stays in service. The timeout only stops a run that would otherwise hang.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MemcachedHostileValuesTest {
  private static final String UNSIGNED_MAX = "18446744073709551615";
  private final MemcachedServer server = MemcachedServer.shared(1).get(0);
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("memcached").location(server.address()))
            .build();
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private void assertCorruptMiss(String key) {
    assertThat(cache.get(key, "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
  }

  @Test
  void aZlibBombUnderTheZlibFlagIsAMissNotAnOutOfMemoryError() {
    server.set(":1:bomb", ValueFlags.SERIALIZED | ValueFlags.ZLIB, 0, HostilePayloads.zlibBomb(100));
    assertCorruptMiss("bomb");
  }

  @Test
  void aZlibBombOfDigitsUnderTheIntegerFlagIsAMissNotAQuadraticParse() {
    byte[] digits = "9".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
    server.set(":1:digits", ValueFlags.LONG | ValueFlags.ZLIB, 0, io.larder.compress.Zlib.deflate(digits, 9));
    assertCorruptMiss("digits");
  }

  @Test
  void nestedSetsSharingTheirMembersAreAMissNotAHang() {
    server.set(":1:dos", ValueFlags.SERIALIZED, 0, HostilePayloads.serialDos(100));
    assertCorruptMiss("dos");
  }

  @Test
  void oneHostileItemInGetManyIsAMissForItsKeyOnly() {
    cache.set("good", "value");
    server.set(":1:bad", ValueFlags.SERIALIZED, 0, HostilePayloads.hugeArrayLength());
    assertThat(cache.getMany(List.of("good", "bad"))).isEqualTo(Map.of("good", "value"));
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
  }

  @Test
  void incrAcrossTwoToTheSixtyThreeIsRefusedTakenBackAndTheServerStaysInService() {
    server.set(":1:n", ValueFlags.LONG, 0, "9223372036854775807".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> cache.incr("n"))
          .isInstanceOf(CounterOverflowException.class)
          .hasMessageContaining("'n'");
    }
    assertThat(server.get(":1:n").text().trim()).isEqualTo("9223372036854775807");
    assertThat(cache.stats().errors()).isZero();
    cache.set("other", "served");
    assertThat((String) cache.get("other")).isEqualTo("served");
    assertThat(cache.incr("n", -7)).isEqualTo(Long.MAX_VALUE - 7);
  }

  @Test
  void incrOfACounterAlreadyBeyondTheSignedRangeIsRefusedAndKept() {
    server.set(":1:u", ValueFlags.LONG, 0, UNSIGNED_MAX.getBytes(StandardCharsets.US_ASCII));
    assertThatThrownBy(() -> cache.incr("u", 0)).isInstanceOf(CounterOverflowException.class);
    assertThat(server.get(":1:u").text().trim()).isEqualTo(UNSIGNED_MAX);
    assertThat(cache.stats().errors()).isZero();
  }
}
