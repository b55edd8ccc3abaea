package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.web.SiteTest;
import io.larder.web.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages in a cache that serializes its values (the file backend with the java serializer), as a
 * remote cache does: the stored form must survive the round trip.
 */
class SerializedPageCacheTest extends SiteTest {
  @TempDir Path dir;

  private TestSite site(String location) throws Exception {
    site =
        TestSite.start(
            b -> b.config(Map.of("default", Map.of("backend", "filebased", "location", location))),
            // The host named, so that the plain page is no counted variant (no counter entry).
            (context, s) ->
                TestSite.behind(PageCache.builder(s.cache).allowedHosts("127.0.0.1"))
                    .install(context, s));
    return site;
  }

  @Test
  void aPageStoredInTheFileCacheIsServedWithItsHeadersAndAge() throws Exception {
    site(dir.toString()).text("/p", "hello", "X-Flavour", "lemon");
    site.get("/p");
    site.clock.advanceSeconds(3);
    HttpResponse<String> hit = site.get("/p");
    assertThat(hit.body()).isEqualTo("hello");
    assertThat(hit.headers().firstValue("X-Flavour")).hasValue("lemon");
    assertThat(hit.headers().firstValue("Age")).hasValue("3");
    assertThat(site.renders("/p")).isEqualTo(1);
    assertThat(Files.list(dir).filter(f -> f.toString().endsWith(".djcache")).count()).isEqualTo(2);
  }

  @Test
  void aHeadIsAnsweredFromAGetStoredInTheFileCache() throws Exception {
    site(dir.toString()).text("/p", "hello");
    site.get("/p");
    HttpResponse<String> head = site.send("HEAD", "/p");
    assertThat(head.headers().firstValue("Content-Length")).hasValue("5");
    assertThat(site.renders("/p")).isEqualTo(1);
  }

  @Test
  void aCacheThatCannotStoreStillServesEveryPage() throws Exception {
    Path location = dir.resolve("cache");
    site(location.toString()).text("/p", "hello");
    // The directory goes away under the running cache, and a file takes its place.
    Files.delete(location);
    Files.writeString(location, "not a directory");
    HttpResponse<String> first = site.get("/p");
    HttpResponse<String> second = site.get("/p");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo("hello");
    assertThat(site.renders("/p")).isEqualTo(2);
    assertThat(site.cache.stats().errors()).isPositive();
  }
}
