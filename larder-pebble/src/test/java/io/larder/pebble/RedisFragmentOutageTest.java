package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.CacheException;
import io.larder.testsupport.RedisServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fragments on a Redis server of the test's own, which is killed under the page. */
class RedisFragmentOutageTest {
  private static final String PAGE =
      "<main>{% cache 60 \"sidebar\" %}sidebar {{ renders.next() }}{% endcache %}</main>";

  private RedisServer redis;
  private Fragments fragments;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    fragments =
        new Fragments(
            Map.of(
                "default",
                Map.of(
                    "backend", "redis",
                    "location", redis.url(0),
                    "options", Map.of("socket_timeout", 1, "socket_connect_timeout", 1))));
  }

  @AfterEach
  void stop() {
    fragments.caches.close();
    redis.close();
  }

  /** Lettuce reconnects in the background (backing off up to a second): wait, at most 10 s. */
  private void awaitReconnection() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        fragments.caches.getDefault().hasKey("probe");
        return;
      } catch (CacheException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Redis did not come back within 10 s", e);
        }
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void aRedisThatIsDownRendersTheFragmentUncachedAndCountsIt() {
    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 1</main>");

    redis.kill();

    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 2</main>");
    assertThat(fragments.extension.failures()).isEqualTo(1);
  }

  @Test
  void afterARestartFragmentsAreCachedAgain() {
    fragments.render(PAGE);
    redis.kill();
    fragments.render(PAGE);

    redis.restart();
    awaitReconnection();

    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 3</main>");
    assertThat(fragments.render(PAGE)).isEqualTo("<main>sidebar 3</main>");
  }
}
