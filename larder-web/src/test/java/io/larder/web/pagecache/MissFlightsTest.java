package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stampede protection: concurrent misses for one page render it once. Renders are held on a latch
 * so the requests overlap for certain; the test waits for states (a render started, requests
 * waiting), never for time.
 */
class MissFlightsTest extends SiteTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService clients = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopClients() {
    release.countDown();
    clients.shutdownNow();
  }

  /** A page whose renders wait for {@link #release}, with these headers (name, value, …). */
  private void heldPage(String path, String... headers) {
    site.page(
        path,
        (request, response) -> {
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          for (int i = 0; i < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
          }
          response.getWriter().write(path + ":" + request.getHeader("X-Theme"));
        });
  }

  private Future<HttpResponse<String>> request(String path, String... headers) {
    return clients.submit(() -> site.get(path, headers));
  }

  private static List<String> bodies(List<Future<HttpResponse<String>>> responses)
      throws Exception {
    List<String> bodies = new ArrayList<>();
    for (Future<HttpResponse<String>> r : responses) {
      bodies.add(r.get(20, TimeUnit.SECONDS).body());
    }
    return bodies;
  }

  @Test
  void concurrentMissesForOnePageRenderItOnce() throws Exception {
    siteBehind(b -> b);
    heldPage("/p");
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    responses.add(request("/p"));
    awaitState("the first render started", () -> site.renders("/p") == 1);
    for (int i = 0; i < 3; i++) {
      responses.add(request("/p"));
    }
    awaitState("three requests wait for it", () -> pages.flights().waiting() == 3);
    release.countDown();
    assertThat(bodies(responses)).containsOnly("/p:null").hasSize(4);
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void withoutCoalescingEveryConcurrentMissRenders() throws Exception {
    siteBehind(b -> b.coalesceMisses(false));
    heldPage("/p");
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      responses.add(request("/p"));
    }
    awaitState("four renders started", () -> site.renders("/p") == 4);
    release.countDown();
    assertThat(bodies(responses)).containsOnly("/p:null").hasSize(4);
  }

  @Test
  void waitersRenderThemselvesWhenThePageWasNotStored() throws Exception {
    siteBehind(b -> b);
    heldPage("/p", "Cache-Control", "private");
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    responses.add(request("/p"));
    awaitState("the first render started", () -> site.renders("/p") == 1);
    responses.add(request("/p"));
    responses.add(request("/p"));
    awaitState("two requests wait for it", () -> pages.flights().waiting() == 2);
    release.countDown();
    assertThat(bodies(responses)).containsOnly("/p:null").hasSize(3);
    assertThat(site.renders("/p")).isEqualTo(3);
  }

  @Test
  void aPageThatWasNotStoredIsNotWaitedForAgain() throws Exception {
    siteBehind(b -> b);
    site.text("/p", "x", "Cache-Control", "private");
    site.get("/p");
    heldPage("/p", "Cache-Control", "private");
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    responses.add(request("/p"));
    responses.add(request("/p"));
    awaitState("both render at once", () -> site.renders("/p") == 3);
    assertThat(pages.flights().waiting()).isZero();
    release.countDown();
    assertThat(bodies(responses)).hasSize(2);
  }

  @Test
  void aMissForAnotherVariantOfAPageDoesNotWait() throws Exception {
    siteBehind(b -> b);
    site.page(
        "/p",
        (request, response) -> {
          response.setHeader("Vary", "X-Theme");
          response.getWriter().write("/p:" + request.getHeader("X-Theme"));
        });
    site.get("/p", "X-Theme", "dark");
    heldPage("/p", "Vary", "X-Theme");
    Future<HttpResponse<String>> light = request("/p", "X-Theme", "light");
    awaitState("the light render started", () -> site.renders("/p") == 2);
    Future<HttpResponse<String>> blue = request("/p", "X-Theme", "blue");
    awaitState("the blue render started too", () -> site.renders("/p") == 3);
    release.countDown();
    assertThat(light.get(20, TimeUnit.SECONDS).body()).isEqualTo("/p:light");
    assertThat(blue.get(20, TimeUnit.SECONDS).body()).isEqualTo("/p:blue");
  }
}
