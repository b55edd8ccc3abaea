package io.larder.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import io.larder.InvalidConfigurationException;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.Option;
import io.larder.spi.StoreContext;
import java.util.List;

/**
 * {@code backend: hazelcast}: each cache is a Hazelcast {@code IMap} of Django's made keys to the
 * configured serializer's bytes. Three ways to reach the cluster:
 *
 * <ul>
 *   <li>client (the default): {@code location} lists member addresses; one client per cluster is
 *       shared by the caches of the process and shut down with {@code Caches.close()};
 *   <li>{@code options.mode: embedded}: this JVM is a member, alone or joining the members in
 *       {@code location};
 *   <li>{@code options.instance}: a {@code HazelcastInstance} the application made (a Spring app's),
 *       which Larder uses and never shuts down.
 * </ul>
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .cache("default", c -> c.backend("hazelcast").location("10.0.0.1:5701,10.0.0.2:5701")
 *         .option("cluster_name", "shop").option("near_cache", Map.of("max_entries", 10_000)))
 *     .cache("sessions", c -> c.backend("hazelcast").option("instance", springHazelcastInstance))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class HazelcastBackend implements CacheBackend {
  @Override
  public String name() {
    return "hazelcast";
  }

  @Override
  public List<Option<?>> options() {
    return HazelcastOptions.ALL;
  }

  @Override
  public CacheStore create(StoreContext context) {
    HazelcastOptions options = HazelcastOptions.of(context.settings());
    Cluster cluster = SharedClusters.acquire(options);
    try {
      if (options.mode() != Mode.GIVEN) {
        configureMap(context, options, cluster.instance());
      }
    } catch (RuntimeException e) {
      SharedClusters.release(cluster);
      throw e;
    }
    return new HazelcastStore(context, options, cluster, () -> SharedClusters.release(cluster));
  }

  /**
   * The map's configuration where Larder owns the instance: a member's map settings (backups,
   * eviction, near cache), or a client's near cache. Caches that share a map share these.
   */
  private static void configureMap(
      StoreContext context, HazelcastOptions options, HazelcastInstance instance) {
    if (options.mode() == Mode.CLIENT) {
      if (options.nearCache() != null) {
        ClientConfig config = clientConfig(instance);
        config.addNearCacheConfig(options.nearCache().toConfig(options.mapName()));
      }
      return;
    }
    MapConfig map = new MapConfig(options.mapName()).setBackupCount(options.backupCount());
    if (options.maxEntries() != null) {
      map.setEvictionConfig(
          new EvictionConfig()
              .setEvictionPolicy(EvictionPolicy.LRU)
              .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
              .setSize(options.maxEntries()));
    }
    if (options.nearCache() != null) {
      map.setNearCacheConfig(options.nearCache().toConfig(options.mapName()));
    }
    try {
      instance.getConfig().addMapConfig(map);
    } catch (RuntimeException conflict) {
      throw new InvalidConfigurationException(
          "Cache '"
              + context.alias()
              + "': the map '"
              + options.mapName()
              + "' is configured differently by another cache or by the cluster ("
              + conflict.getMessage()
              + "); give this cache its own options.map, or the same map settings",
          conflict);
    }
  }

  private static ClientConfig clientConfig(HazelcastInstance client) {
    return ((com.hazelcast.client.impl.clientside.HazelcastClientProxy) client).getClientConfig();
  }
}
