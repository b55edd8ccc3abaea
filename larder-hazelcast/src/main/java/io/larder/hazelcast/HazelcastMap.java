package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The Hazelcast side of a {@code hazelcast} cache, for what Django's API does not cover: the
 * cluster's members, the map's statistics and its near cache's hits. Keys are Django's made keys
 * ({@code cache.makeKey(key)}), values the configured serializer's bytes.
 *
 * <pre>{@code
 * HazelcastMap hz = caches.get("default").unwrap(HazelcastMap.class);
 * long nearHits = hz.map().getLocalMapStats().getNearCacheStats().getHits();
 * int members = hz.instance().getCluster().getMembers().size();
 * }</pre>
 *
 * @since 0.1
 */
public interface HazelcastMap {
  /**
   * The cache's map.
   *
   * @return the {@code IMap} this cache reads and writes, keyed by made keys
   */
  IMap<String, byte[]> map();

  /**
   * The client or member the cache reaches the cluster through; Larder owns its lifecycle.
   *
   * @return the Hazelcast instance; leave its shutdown to closing the {@code Caches} that made the cache
   */
  HazelcastInstance instance();
}
