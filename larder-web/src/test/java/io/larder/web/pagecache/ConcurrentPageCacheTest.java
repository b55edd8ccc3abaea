package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many clients at once, on pages that vary: every response is the one its request asked for. */
class ConcurrentPageCacheTest extends SiteTest {
  private static final int CLIENTS = 8;
  private static final int REQUESTS_EACH = 40;

  @Test
  void concurrentHitsAndMissesNeverServeOneRequestAnothersPage() throws Exception {
    site =
        TestSite.start(
            (context, s) -> TestSite.behind(PageCache.builder(s.cache)).install(context, s));
    for (int p = 0; p < 4; p++) {
      String path = "/page" + p;
      site.page(
          path,
          (request, response) -> {
            response.setHeader("Vary", "X-Theme");
            response.getWriter().write(path + ":" + request.getHeader("X-Theme"));
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<String>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(
            pool.submit(
                () -> {
                  List<String> wrong = new ArrayList<>();
                  for (int i = 0; i < REQUESTS_EACH; i++) {
                    String path = "/page" + ((client + i) % 4);
                    String theme = (i % 3 == 0) ? "dark" : "light";
                    HttpResponse<String> response = site.get(path, "X-Theme", theme);
                    if (!response.body().equals(path + ":" + theme)) {
                      wrong.add(path + " " + theme + " got " + response.body());
                    }
                  }
                  return wrong;
                }));
      }
      for (Future<List<String>> client : clients) {
        assertThat(client.get(60, TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    // 4 pages × 2 themes: each copy is rendered at least once, and most requests were hits.
    int renders = 0;
    for (int p = 0; p < 4; p++) {
      renders += site.renders("/page" + p);
    }
    assertThat(renders).isBetween(8, CLIENTS * REQUESTS_EACH - 1);
  }
}
