package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /slow} past its page timeout: the old copy at once, while one request renders anew. */
class DemoStalePagesTest {
  private static final Pattern RENDERS = Pattern.compile("id=\"renders\">(\\d+)<");

  private final HttpClient client = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock();
  private Caches caches;
  private DemoServer server;

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .clock(clock)
            .config(Map.of("default", Map.of("backend", "locmem", "location", "demo-stale-test")))
            .build();
    caches.getDefault().clear();
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
    caches.close();
  }

  @Test
  void anExpiredSlowPageIsServedAtOnceWhileOneRequestRendersItAgain() throws Exception {
    assertThat(renders(get("/slow"))).isEqualTo(1);
    assertThat(renders(get("/slow"))).as("the cached copy").isEqualTo(1);

    clock.advance(DemoServer.PAGE_TIMEOUT.plusSeconds(1));
    HttpResponse<String> stale = get("/slow");
    assertThat(renders(stale)).as("the stale copy, served while it is refreshed").isEqualTo(1);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    int seen = 1;
    while (seen == 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      seen = renders(get("/slow"));
    }
    assertThat(seen).as("the refreshed copy, rendered once").isEqualTo(2);
  }

  @Test
  void pastTheStaleWindowThePageIsRenderedBeforeItIsAnswered() throws Exception {
    assertThat(renders(get("/slow"))).isEqualTo(1);
    clock.advance(DemoServer.PAGE_TIMEOUT.plus(DemoServer.STALE_WINDOW).plusSeconds(1));
    assertThat(renders(get("/slow"))).isEqualTo(2);
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static int renders(HttpResponse<String> response) {
    Matcher m = RENDERS.matcher(response.body());
    assertThat(m.find()).as("the page shows its render number").isTrue();
    return Integer.parseInt(m.group(1));
  }
}
