package io.larder.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.web.pagecache.PageCache;
import jakarta.servlet.Filter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The page cache and the session filter together, in the order a subclass gives: one user's page is
 * never served to another, a page that sets the session cookie is not stored, and a user's own
 * unchanged page comes from the page cache.
 */
abstract class PageCacheWithSessionsTest {
  protected Caches caches;
  protected SessionServer server;

  /** The two filters, outermost first. */
  protected abstract List<Filter> filters(Filter pageCache, Filter sessions);

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
    Filter pageCache = PageCache.builder(caches.get("pages")).build().filter();
    server =
        new SessionServer(
            filters(pageCache, new SessionFilter(caches)), new SessionApp(key -> false));
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
