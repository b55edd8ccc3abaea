package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The ketama continuum's own properties; that it is libmemcached's is checked against real pylibmc
 * in {@link LibmemcachedKetamaInteropTest}.
 */
class KetamaRingTest {
  private static final List<Server> SERVERS =
      List.of(
          new Server("10.0.0.1", 11211),
          new Server("10.0.0.2", 11211),
          new Server("10.0.0.3", 11212));

  @Test
  void namesAServerByHostOnTheDefaultPortAndByHostAndPortOtherwise() {
    assertThat(SERVERS.get(0).ketamaName()).isEqualTo("10.0.0.1");
    assertThat(SERVERS.get(2).ketamaName()).isEqualTo("10.0.0.3:11212");
  }

  @Test
  void spreadsKeysOverEveryServer() {
    Ring ring = new KetamaRing(SERVERS);
    int[] counts = new int[SERVERS.size()];
    for (int i = 0; i < 3000; i++) {
      counts[ring.serverFor(":1:key" + i)]++;
    }
    assertThat(IntStream.of(counts).boxed().toList())
        .allSatisfy(count -> assertThat(count).isBetween(600, 1400));
  }

  @Test
  void removingAServerMovesOnlyItsOwnKeys() {
    Ring all = new KetamaRing(SERVERS);
    Ring withoutFirst = new KetamaRing(SERVERS.subList(1, 3));
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String key = ":1:key" + i;
      int before = all.serverFor(key);
      if (before != 0 && withoutFirst.serverFor(key) + 1 != before) {
        moved.add(key);
      }
    }
    assertThat(moved).isEmpty();
  }
}
