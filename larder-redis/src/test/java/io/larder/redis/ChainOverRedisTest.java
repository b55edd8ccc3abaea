package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.RedisContractTest;
import io.larder.Timeout;
import io.larder.chain.ChainExtension;
import io.larder.spi.CacheStore;
import io.larder.testsupport.RedisServers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * Django's contract on a chain of local memory over a real {@code redis-server}, the local tier
 * kept coherent by Redis pub/sub between chains ({@code coherence: publish}); {@link
 * ChainOverRedisTrackingTest} runs it with Redis's own key tracking. Expiry is checked where Redis
 * holds it, as for Redis alone.
 */
class ChainOverRedisTest extends RedisContractTest {
  @Override
  protected Caches.Builder withOtherCaches(Caches.Builder builder) {
    return builder
        .cache("near", c -> c.backend("locmem").location("chain-" + UUID.randomUUID()))
        .cache("redis", c -> c.backend("redis").location(RedisServers.standalone().url(5)));
  }

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("chain").option("caches", List.of("near", "redis")).option("coherence", coherence());
  }

  /** The chain's {@code coherence} option. */
  protected String coherence() {
    return "publish";
  }

  @Override
  @BeforeEach
  protected void createCaches() {
    super.createCaches();
    Await.until(
        "invalidations live",
        Duration.ofSeconds(10),
        () -> cache.unwrap(ChainExtension.class).localTiersInUse());
    assertThat(cache.unwrap(ChainExtension.class).coherence()).isEqualTo(coherence());
  }

  // Reads are answered by the local tier, which keeps references.
  @Override
  protected boolean storesCopies() {
    return false;
  }

  // Writes reach Redis, which serializes: an unserializable value fails before any tier changes.
  @Override
  protected boolean serializesValues() {
    return true;
  }

  /**
   * The time to live the chain itself reports ({@code CacheStore.timeToLive}): its authoritative
   * tier's, here Redis's {@code PTTL}, or the file tier's expiry on the test clock, which stands
   * still. Either way it does not move with the test's own running time, as a server's clock would.
   */
  @Override
  protected ServerClock serverClock() {
    return new ServerClock() {
      @Override
      public Timeout heldTtl(String key) {
        return cache.unwrap(CacheStore.class).timeToLive(cache.makeKey(key));
      }

      @Override
      public Duration resolution() {
        return Duration.ofMillis(1);
      }
    };
  }
}
