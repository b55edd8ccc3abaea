package io.larder.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentFragmentTest {
  /** {@code ${slow.render()}} holds each render a moment, so the other pages arrive meanwhile. */
  public static final class Slow {
    public String render() throws InterruptedException {
      Thread.sleep(100);
      return "";
    }
  }

  @Test
  void concurrentMissesRenderTheFragmentOnce() throws Exception {
    Fragments fragments = new Fragments();
    String page =
        "<p larder:cache=\"60, report\"><i th:text=\"${slow.render() + renders.next()}\"></i></p>";
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> pages = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pages.add(
            pool.submit(
                () -> {
                  start.await();
                  return fragments.render(page, Map.of("slow", new Slow()));
                }));
      }
      start.countDown();
      for (Future<String> rendered : pages) {
        assertThat(rendered.get(10, TimeUnit.SECONDS)).isEqualTo("<p><i>1</i></p>");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fragments.renders.count()).isEqualTo(1);
  }
}
