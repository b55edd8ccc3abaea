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
 * The page cache in front of sessions, as Django's middleware order puts them: {@code Vary:
 * Cookie} keeps one user's page from another, and pages that set a session cookie are not stored.
 */
class SessionsBehindThePageCacheTest {
  private Caches caches;
  private SessionServer server;

  @BeforeEach
  void start() throws Exception {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()),
                    "pages", Map.of("backend", "locmem", "location", UUID.randomUUID().toString())))
            .build();
    server =
        new SessionServer(
            List.of(PageCache.builder(caches.get("pages")).build().filter(), new SessionFilter(caches)),
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
  void aPageThatSetsTheSessionCookieIsNotStored() {
    Browser alice = new Browser(server);

    assertThat(alice.body("/counter")).isEqualTo("1");
    assertThat(alice.body("/counter")).isEqualTo("2");
    assertThat(new Browser(server).body("/counter")).isEqualTo("1");
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
