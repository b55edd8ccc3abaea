package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.HostilePayloads;
import io.larder.testsupport.RedisServer;
import io.larder.testsupport.RedisServers;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Values written straight into Redis by anyone who can reach it (issue 16): each is a miss, counted
 * as a corrupt read and left in place, never an error, a hang or an exhausted heap. The timeout only
 * stops a run that would otherwise hang; nothing here measures speed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisHostileValuesTest {
  private static final int DB = 4;
  private final RedisServer server = RedisServers.standalone();
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        RedisCaches.of(c -> c.location(server.url(DB)).keyPrefix("hostile").option("compressor", "zlib"));
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    cache.clear();
    caches.close();
  }

  @SuppressWarnings("unchecked")
  private void plant(String key, byte[] value) {
    ((RedisCommands<byte[], byte[]>) cache.unwrap(RedisExtension.class).commands())
        .set(cache.makeKey(key).getBytes(StandardCharsets.UTF_8), value);
  }

  private void assertCorruptMiss(String key) {
    assertThat(cache.get(key, "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
    assertThat(cache.hasKey(key)).isTrue();
  }

  @Test
  void aZlibBombIsAMissNotAnOutOfMemoryError() {
    plant("bomb", HostilePayloads.zlibBomb(100));
    assertCorruptMiss("bomb");
  }

  @Test
  void nestedSetsSharingTheirMembersAreAMissNotAHang() {
    plant("dos", HostilePayloads.serialDos(100));
    assertCorruptMiss("dos");
  }

  @Test
  void aHugeDeclaredArrayLengthIsAMiss() {
    plant("array", HostilePayloads.hugeArrayLength());
    assertCorruptMiss("array");
  }

  @Test
  void aMillionDigitNumberIsAMissNotAQuadraticParse() {
    plant("digits", "9".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
    assertCorruptMiss("digits");
  }

  @Test
  void oneCorruptValueInGetManyIsAMissForItsKeyOnly() {
    cache.set("good", "value");
    plant("bad", HostilePayloads.serialDos(100));
    assertThat(cache.getMany(List.of("good", "bad"))).isEqualTo(Map.of("good", "value"));
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
  }
}
