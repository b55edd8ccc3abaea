package io.larder.demo;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import com.hazelcast.nearcache.NearCacheStats;
import io.larder.Cache;
import io.larder.Caches;
import io.larder.hazelcast.HazelcastMap;
import io.larder.spi.CacheStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /_larder/hazelcast.json}: every {@code hazelcast} cache as the dashboard lists it (issue
 * 13): the cluster members its client or member sees, its map's name and size, and its near
 * cache's hits and misses ({@code null} without a near cache). Asked of the cluster on each poll,
 * apart from {@code stats.json}, so that a cluster that does not answer (each call waits at most
 * the cache's {@code operation_timeout}) slows this panel only, and shows as its error.
 */
final class HazelcastEndpoint extends JsonEndpoint {
  private final Caches caches;

  HazelcastEndpoint(Caches caches) {
    this.caches = caches;
  }

  @Override
  Object report() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Cache cache : caches.all()) {
      if (cache.unwrap(CacheStore.class) instanceof HazelcastMap hazelcast) {
        rows.add(row(cache.settings().alias(), hazelcast));
      }
    }
    return Map.of("caches", rows);
  }

  private static Map<String, Object> row(String alias, HazelcastMap hazelcast) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("alias", alias);
    try {
      IMap<String, byte[]> map = hazelcast.map();
      row.put("map", map.getName());
      row.put(
          "members",
          hazelcast.instance().getCluster().getMembers().stream()
              .map(HazelcastEndpoint::hostAndPort)
              .toList());
      row.put("size", map.size());
      row.put("nearCache", nearCache(map.getLocalMapStats().getNearCacheStats()));
    } catch (RuntimeException e) {
      // The cluster is away or refuses: the panel says so, the rest of the dashboard goes on.
      row.put("error", String.valueOf(e.getMessage()));
    }
    return row;
  }

  /** A member as a {@code location} lists it: {@code 10.0.0.1:5701}, {@code [::1]:5701}. */
  private static String hostAndPort(Member member) {
    Address address = member.getAddress();
    String host = address.getHost();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static Map<String, Object> nearCache(NearCacheStats stats) {
    if (stats == null) {
      return null;
    }
    Map<String, Object> near = new LinkedHashMap<>();
    near.put("hits", stats.getHits());
    near.put("misses", stats.getMisses());
    near.put("entries", stats.getOwnedEntryCount());
    return near;
  }
}
