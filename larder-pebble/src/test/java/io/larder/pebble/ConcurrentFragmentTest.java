package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.FragmentKeys;
import io.pebbletemplates.pebble.error.PebbleException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentFragmentTest {
  private static final String TEMPLATE =
      "{% cache 60 \"slow\" %}{{ gate.pass() }}rendered {{ renders.next() }}{% endcache %}";

  private final Fragments fragments = new Fragments();

  @Test
  void aSecondRequestMissingTheSameFragmentWaitsForTheFirstRender() throws Exception {
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> fragments.render(TEMPLATE));
    assertThat(fragments.gate.entered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> secondResult = new CompletableFuture<>();
    Thread second = new Thread(() -> secondResult.complete(fragments.render(TEMPLATE)));
    second.start();
    awaitBlocked(second);

    fragments.gate.open.countDown();

    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("rendered 1");
    assertThat(secondResult.get(10, TimeUnit.SECONDS)).isEqualTo("rendered 1");
    assertThat(fragments.renders.count()).isEqualTo(1);
  }

  @Test
  void anErrorOfTheFragmentsOwnIsTheTemplatesErrorNotACacheFailure() {
    String template = "{% cache 60 \"broken\" %}{{ renders.fail() }}{% endcache %}";

    assertThatThrownBy(() -> fragments.render(template)).isInstanceOf(PebbleException.class);
    assertThat(fragments.extension.failures()).isZero();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("broken"))).isFalse();
  }

  /** Until the thread blocks (in the cache's single flight, or at the gate): at most 10 s. */
  private static void awaitBlocked(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING
        && thread.getState() != Thread.State.TIMED_WAITING) {
      assertThat(System.nanoTime()).as("the second render blocks").isLessThan(deadline);
      Thread.yield();
    }
  }
}
