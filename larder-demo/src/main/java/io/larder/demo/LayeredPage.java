package io.larder.demo;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.chain.ChainCache;
import io.larder.chain.TierStats;
import io.larder.spi.CacheStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code /layered}: a {@code chain} of local memory over files, and a second chain standing for
 * another process (its own local memory, the same directory). Each read shows which tier answered
 * and how long it took; {@code /layered/update} writes from the other process, and the page shows
 * this process serving its local copy until {@code local_timeout} has passed.
 */
final class LayeredPage extends HttpServlet implements AutoCloseable {
  static final String KEY = "greeting";

  /** Short, so that the demo shows the staleness bound within a few reloads. */
  static final int LOCAL_TIMEOUT_SECONDS = 5;

  private final Path directory;
  private final Caches here;
  private final Caches other;

  LayeredPage() {
    try {
      directory = Files.createTempDirectory("larder-layered-demo");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the layered demo's directory", e);
    }
    here = process();
    other = process();
  }

  /** One process's caches: its own local memory over the shared directory. */
  private Caches process() {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                c.backend("chain")
                    .option("caches", List.of("memory", "files"))
                    .option("local_timeout", LOCAL_TIMEOUT_SECONDS))
        .cache("memory", c -> c.backend("locmem").location("layered-" + UUID.randomUUID()))
        .cache("files", c -> c.backend("filebased").location(directory.toString()))
        .build();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String action = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (action) {
      case "/update" -> {
        other.getDefault().set(KEY, "written by the other process at " + now(), Timeout.NEVER);
        response.sendRedirect("/layered");
      }
      case "/set" -> {
        here.getDefault().set(KEY, "written by this process at " + now(), Timeout.NEVER);
        response.sendRedirect("/layered");
      }
      case "", "/" -> read(response);
      default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }

  private void read(HttpServletResponse response) throws IOException {
    Cache chain = here.getDefault();
    ChainCache tiers = chain.unwrap(ChainCache.class);
    List<TierStats> before = tiers.tierStats();
    long start = System.nanoTime();
    String value = chain.get(KEY);
    long micros = (System.nanoTime() - start) / 1000;
    List<TierStats> after = tiers.tierStats();
    String answeredBy = "no tier (the key is absent: use a button below)";
    for (int i = 0; i < after.size(); i++) {
      if (after.get(i).hits() > before.get(i).hits()) {
        answeredBy = "the <code>" + after.get(i).alias() + "</code> tier";
      }
    }
    StringBuilder table =
        new StringBuilder("<table><tr><th>tier</th><th>hits</th><th>misses</th>")
            .append("<th>refills</th><th>hit ratio</th></tr>");
    for (TierStats tier : after) {
      table
          .append("<tr><td><code>")
          .append(tier.alias())
          .append("</code></td><td>")
          .append(tier.hits())
          .append("</td><td>")
          .append(tier.misses())
          .append("</td><td>")
          .append(tier.refills())
          .append("</td><td>")
          .append(String.format("%.0f%%", 100 * tier.hitRatio()))
          .append("</td></tr>");
    }
    table.append("</table>");
    DemoHtml.write(
        response,
        "A layered cache",
        "<p>This process reads <code>"
            + KEY
            + "</code> through a <code>chain</code> of local memory over files:</p>"
            + "<p class=\"stamp\" id=\"value\">"
            + DemoHtml.escape(value == null ? "(absent)" : value)
            + "</p><p>answered by <span id=\"tier\">"
            + answeredBy
            + "</span> in <span id=\"latency\">"
            + micros
            + "</span> µs; the local copy has <span id=\"local-ttl\">"
            + localTtl(chain)
            + "</span> left.</p>"
            + table
            + "<p><a href=\"/layered\">Read again</a> · <a href=\"/layered/set\">write from this"
            + " process</a> · <a href=\"/layered/update\" id=\"update\">update from another"
            + " process</a></p><p>After an update from the other process (another chain with its"
            + " own local memory over the same directory), this process keeps serving its local"
            + " copy for at most <code>local_timeout</code> ("
            + LOCAL_TIMEOUT_SECONDS
            + " s here), then reads the files again: files cannot tell it about other processes'"
            + " writes. With Redis below the local tier, the other process's write drops this"
            + " copy within milliseconds instead (docs/layered.md).</p>");
  }

  /** How long this process's local copy of the key has left, or "no local copy". */
  private String localTtl(Cache chain) {
    Cache memory = here.get("memory");
    Timeout left = memory.unwrap(CacheStore.class).timeToLive(memory.makeKey(chain.makeKey(KEY)));
    if (left == null) {
      return "no local copy";
    }
    return left.isNever() ? "no expiry" : String.format("%.1f s", left.toMillis() / 1000.0);
  }

  private static String now() {
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Override
  public void close() {
    here.close();
    other.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: the system cleans it up if we cannot.
    }
  }
}
