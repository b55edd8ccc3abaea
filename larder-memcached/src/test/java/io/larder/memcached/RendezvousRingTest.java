package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * pymemcache's rendezvous hashing ({@code HashClient}): the highest {@code
 * murmur3_32("host:port-key")} wins, checked against MurmurHash3's published vectors and the
 * servers pymemcache picks.
 */
class RendezvousRingTest {
  private static final List<Server> SERVERS =
      List.of(
          new Server("10.0.0.1", 11211),
          new Server("10.0.0.2", 11211),
          new Server("10.0.0.3", 11211));

  @Test
  void murmur3MatchesTheStandardVectors() {
    assertThat(Murmur3.hash32("hello", 0)).isEqualTo(0x248bfa47L);
    assertThat(Murmur3.hash32("The quick brown fox jumps over the lazy dog", 0))
        .isEqualTo(0x2e4ff723L);
    assertThat(Murmur3.hash32("", 0)).isZero();
  }

  @Test
  void murmur3HashesTheLowByteOfEachCodePointAsPymemcacheDoes() {
    // pymemcache hashes str code points & 0xff: U+6E05 hashes as 0x05, an emoji as one code point.
    assertThat(Murmur3.hash32("\u6e05", 0)).isEqualTo(Murmur3.hash32("\u0005", 0));
    assertThat(Murmur3.hash32("\ud83d\ude00", 0)).isEqualTo(Murmur3.hash32("\u0000", 0));
  }

  @Test
  void keysGoToTheServersPymemcacheChooses() {
    Ring ring = new RendezvousRing(SERVERS);
    List<String> chosen =
        IntStream.range(0, 5)
            .mapToObj(i -> SERVERS.get(ring.serverFor(":1:k" + i)).host())
            .toList();
    assertThat(chosen).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.2", "10.0.0.2", "10.0.0.3");
  }

  @Test
  void removingAServerMovesOnlyItsOwnKeys() {
    Ring all = new RendezvousRing(SERVERS);
    Ring withoutFirst = new RendezvousRing(SERVERS.subList(1, 3));
    for (int i = 0; i < 1000; i++) {
      String key = ":1:key" + i;
      int before = all.serverFor(key);
      if (before != 0) {
        assertThat(withoutFirst.serverFor(key) + 1).isEqualTo(before);
      }
    }
  }
}
