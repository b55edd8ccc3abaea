package io.larder.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce event loops and timers every Redis cache of the process shares: one set of threads,
 * however many caches and connections. Reconnects back off exponentially to at most a second, so a
 * restarted server is used again within about a second.
 */
final class SharedResources {
  private SharedResources() {}

  private static final class Holder {
    static final ClientResources RESOURCES =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
  }

  static ClientResources get() {
    return Holder.RESOURCES;
  }
}
