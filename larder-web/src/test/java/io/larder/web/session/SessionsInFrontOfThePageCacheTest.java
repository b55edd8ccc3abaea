package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.web.PageCache;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache inside the session filter (a per-view cache, say), where Django's {@code
 * cache_page} cannot see the {@code Vary: Cookie} of {@code SessionMiddleware}: a page that looked
 * at its session still varies on the cookie, so it is never served to another user.
 */
class SessionsInFrontOfThePageCacheTest {
  private Caches caches;
  private SessionServer server;

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                        Map.of("backend", "locmem", "location", UUID.randomUUID().toString()),
                    "pages", Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
            .build();
    server =
        new SessionServer(
            List.of(
                new SessionFilter(caches), PageCache.builder(caches.get("pages")).build().filter()),
            new SessionApp(key -> false));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    caches.close();
  }

  @Test
  void aPageThatReadsTheSessionIsNeverServedToAnotherUser() {
    Browser alice = new Browser(server);
    Browser bob = new Browser(server);
    alice.get("/counter");
    bob.get("/counter");
    bob.get("/counter");

    assertThat(alice.body("/peek")).isEqualTo("1");
    assertThat(bob.body("/peek")).isEqualTo("2");
    assertThat(new Browser(server).body("/peek")).isEqualTo("none");
  }

  @Test
  void aUsersOwnUnchangedPageIsServedFromThePageCache() {
    Browser alice = new Browser(server);
    alice.get("/counter");
    alice.get("/peek");
    long hits = caches.get("pages").stats().hits();

    assertThat(alice.body("/peek")).isEqualTo("1");
    assertThat(caches.get("pages").stats().hits()).isGreaterThan(hits);
  }
}
