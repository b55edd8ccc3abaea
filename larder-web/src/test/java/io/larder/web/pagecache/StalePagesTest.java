package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 5861 on the page cache: stale-while-revalidate serves an expired page at once while one
 * request renders it again (a view held on a latch stands for a slow one: the stale answer arrives
 * while the render is still held); stale-if-error answers with the expired page when the view
 * throws or answers 5xx. Time is the site's clock; waits are for states, never for time.
 */
class StalePagesTest extends SiteTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger version = new AtomicInteger();

  @AfterEach
  void releaseRenders() {
    release.countDown();
  }

  /** A page whose first render is quick and every later one waits for {@link #release}. */
  private void slowPage(String path, String... headers) {
    site.page(
        path,
        (request, response) -> {
          int v = version.incrementAndGet();
          if (v > 1) {
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          for (int i = 0; i < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
          }
          response.getWriter().write("v" + v);
        });
  }

  /** A page that answers "ok" until {@code failure} is set, then fails as it says. */
  private void fragilePage(String path, AtomicReference<String> failure, String... headers) {
    site.page(
        path,
        (request, response) -> {
          String how = failure.get();
          if ("throw".equals(how)) {
            throw new IllegalStateException("the database is down");
          }
          if ("503".equals(how)) {
            response.setStatus(503);
            response.getWriter().write("unavailable");
            return;
          }
          for (int i = 0; i < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
          }
          response.getWriter().write("ok");
        });
  }

  private String bodyOf(String path) {
    try {
      return site.get(path).body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anExpiredPageWithinStaleWhileRevalidateIsServedWhileOneRenderRefreshesIt() throws Exception {
    siteBehind(
        b -> b.cacheTimeout(Duration.ofSeconds(60)).staleWhileRevalidate(Duration.ofSeconds(30)));
    slowPage("/slow");
    assertThat(site.get("/slow").body()).isEqualTo("v1");
    site.clock.advanceSeconds(61);

    // The refresh is held, yet the stale page has arrived.
    HttpResponse<String> stale = site.get("/slow");
    assertThat(stale.body()).isEqualTo("v1");
    assertThat(stale.statusCode()).isEqualTo(200);
    awaitState("the refresh renders", () -> site.renders("/slow") == 2);
    assertThat(site.get("/slow").body()).as("served stale, not rendered again").isEqualTo("v1");
    assertThat(site.renders("/slow")).isEqualTo(2);
    assertThat(pages.servedWhileRevalidating()).isEqualTo(2);

    release.countDown();
    awaitState("the refreshed page is served", () -> bodyOf("/slow").equals("v2"));
    assertThat(site.renders("/slow")).isEqualTo(2);
  }

  @Test
  void theViewsOwnStaleWhileRevalidateIsHonoured() throws Exception {
    siteBehind(b -> b);
    slowPage("/slow", "Cache-Control", "max-age=60, stale-while-revalidate=30");
    site.get("/slow");
    site.clock.advanceSeconds(61);
    assertThat(site.get("/slow").body()).isEqualTo("v1");
    awaitState("the refresh renders", () -> site.renders("/slow") == 2);
    release.countDown();
    awaitState("the refreshed page is served", () -> bodyOf("/slow").equals("v2"));
  }

  @Test
  void pastTheStaleWhileRevalidateWindowThePageIsRenderedBeforeTheAnswer() throws Exception {
    siteBehind(
        b -> b.cacheTimeout(Duration.ofSeconds(60)).staleWhileRevalidate(Duration.ofSeconds(30)));
    slowPage("/slow");
    site.get("/slow");
    site.clock.advanceSeconds(91);
    release.countDown();
    assertThat(site.get("/slow").body()).isEqualTo("v2");
  }

  @Test
  void withoutStaleWindowsAnExpiredPageIsAMiss() throws Exception {
    siteBehind(b -> b.cacheTimeout(Duration.ofSeconds(60)));
    slowPage("/slow");
    site.get("/slow");
    site.clock.advanceSeconds(61);
    release.countDown();
    assertThat(site.get("/slow").body()).isEqualTo("v2");
    assertThat(pages.servedWhileRevalidating()).isZero();
  }

  @Test
  void aViewThatThrowsIsAnsweredWithTheStalePageWithinStaleIfError() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();
    siteBehind(b -> b.cacheTimeout(Duration.ofSeconds(60)).staleIfError(Duration.ofSeconds(300)));
    fragilePage("/fragile", failure);
    site.get("/fragile");
    failure.set("throw");
    site.clock.advanceSeconds(61);
    HttpResponse<String> answer = site.get("/fragile");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    assertThat(site.renders("/fragile")).as("the view was tried").isEqualTo(2);
    assertThat(pages.servedOnError()).isEqualTo(1);
  }

  @Test
  void aViewThatAnswers5xxIsAnsweredWithTheStalePageWithinStaleIfError() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();
    siteBehind(b -> b.cacheTimeout(Duration.ofSeconds(60)).staleIfError(Duration.ofSeconds(300)));
    fragilePage("/fragile", failure);
    site.get("/fragile");
    failure.set("503");
    site.clock.advanceSeconds(61);
    HttpResponse<String> answer = site.get("/fragile");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("ok");
    assertThat(pages.servedOnError()).isEqualTo(1);
  }

  @Test
  void theViewsOwnStaleIfErrorIsHonoured() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();
    siteBehind(b -> b);
    fragilePage("/fragile", failure, "Cache-Control", "max-age=60, stale-if-error=300");
    site.get("/fragile");
    failure.set("503");
    site.clock.advanceSeconds(61);
    assertThat(site.get("/fragile").body()).isEqualTo("ok");
  }

  @Test
  void pastTheStaleIfErrorWindowTheFailureReachesTheClient() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();
    siteBehind(b -> b.cacheTimeout(Duration.ofSeconds(60)).staleIfError(Duration.ofSeconds(300)));
    fragilePage("/fragile", failure);
    site.get("/fragile");
    failure.set("503");
    site.clock.advanceSeconds(361);
    HttpResponse<String> answer = site.get("/fragile");
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(pages.servedOnError()).isZero();
  }

  @Test
  void aRecoveredViewReplacesTheStalePage() throws Exception {
    AtomicReference<String> failure = new AtomicReference<>();
    siteBehind(b -> b.cacheTimeout(Duration.ofSeconds(60)).staleIfError(Duration.ofSeconds(300)));
    fragilePage("/fragile", failure);
    site.get("/fragile");
    site.clock.advanceSeconds(61);
    site.get("/fragile");
    assertThat(site.renders("/fragile")).isEqualTo(2);
    assertThat(site.get("/fragile").body()).isEqualTo("ok");
    assertThat(site.renders("/fragile")).as("fresh again").isEqualTo(2);
    assertThat(pages.servedOnError()).isZero();
  }
}
