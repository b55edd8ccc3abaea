package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * python-memcached's bucket arithmetic; the hash values are {@code memcache.cmemcache_hash} of
 * Debian's python3-memcache 1.59. {@link DjangoPythonMemcachedInteropTest} checks the servers
 * chosen against the real client.
 */
class Crc32RingTest {
  private static final Server A = new Server("10.0.0.1", 11211);
  private static final Server B = new Server("10.0.0.2", 11211);
  private static final Server C = new Server("10.0.0.3", 11211);

  @Test
  void theHashIsPythonMemcachedsCmemcacheHash() {
    assertThat(Crc32Ring.hash(bytes(":1:key0"))).isEqualTo(20439);
    assertThat(Crc32Ring.hash(bytes(":1:key1"))).isEqualTo(14544);
    assertThat(Crc32Ring.hash(bytes("1230"))).isEqualTo(7310);
  }

  @Test
  void theHashOfUtf8KeysIsOverTheirBytes() {
    assertThat(Crc32Ring.hash(bytes("clé"))).isEqualTo(1735);
  }

  @Test
  void aHashOfZeroIsOne() {
    assertThat(Crc32Ring.hash(new byte[0])).isEqualTo(1);
  }

  @Test
  void aKeyGoesToItsHashModuloTheBuckets() {
    Ring ring = new Crc32Ring(List.of(A, B, C), List.of(A, B, C), List.of(1, 1, 1));

    assertThat(ring.serverFor(":1:key0")).isEqualTo(20439 % 3);
    assertThat(ring.serverFor(":1:key1")).isEqualTo(14544 % 3);
  }

  @Test
  void eachServerFillsAsManyBucketsAsItsWeight() {
    // Buckets A A A B C C: 20439 % 6 = 3 is B's, 14544 % 6 = 0 is A's, 7310 % 6 = 2 is A's.
    Ring ring = new Crc32Ring(List.of(A, B, C), List.of(A, B, C), List.of(3, 1, 2));

    assertThat(ring.serverFor(":1:key0")).isEqualTo(1);
    assertThat(ring.serverFor(":1:key1")).isEqualTo(0);
    assertThat(ring.serverFor("1230")).isEqualTo(0);
  }

  @Test
  void aKeyOfADeadServerIsRehashedAsPythonMemcachedDoes() {
    // ':1:key1' hashes to 14544, A's bucket (14544 % 3 = 0). A is dead, so python-memcached
    // rehashes '14544' + '0': cmemcache_hash(b'145440') = 21281, and 21281 % 3 = 2 is C's bucket.
    Ring ring = new Crc32Ring(List.of(A, B, C), List.of(B, C), List.of(1, 1, 1));

    assertThat(Crc32Ring.hash(bytes("145440"))).isEqualTo(21281);
    assertThat(ring.serverFor(":1:key1")).as("C, the second live server").isEqualTo(1);
  }

  @Test
  void withNoLiveServerInTenRehashesThereIsNone() {
    Ring ring = new Crc32Ring(List.of(A, B, C), List.of(), List.of(1, 1, 1));

    assertThat(ring.serverFor(":1:key0")).isEqualTo(-1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
