package io.larder.demo;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.chain.ChainExtension;
import io.larder.chain.TierStats;
import io.larder.spi.CacheStore;
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
 * {@code /layered}: a {@code chain} of local memory over a shared tier (files, or Redis when the
 * demo is given one), and a second chain standing for another process (its own local memory, the
 * same shared tier). Each read shows which tier answered and how long it took; a POST to {@code
 * /layered/set} writes from this process, to {@code /layered/update} from the other: over Redis
 * this process's copy is dropped at once (invalidation), over files it is served until {@code
 * local_timeout} has passed.
 */
final class LayeredPage extends ActionPage implements AutoCloseable {
  static final String KEY = "greeting";

  /** Short, so that the demo shows the staleness bound within a few reloads. */
  static final int LOCAL_TIMEOUT_SECONDS = 5;

  /** Null over Redis. */
  private final Path directory;

  private final String shared;
  private final Caches here;
  private final Caches other;

  /**
   * @param redis the URL of the shared Redis tier, or null for files in a temporary directory
   * @param forms the writes' forms and their token
   */
  LayeredPage(String redis, WriteForms forms) {
    super(forms, "/update", "/set");
    if (redis == null) {
      try {
        directory = Files.createTempDirectory("larder-layered-demo");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make the layered demo's directory", e);
      }
      shared = "files";
    } else {
      directory = null;
      shared = "redis";
    }
    here = process(redis);
    other = process(redis);
  }

  /** One process's caches: its own local memory over the shared tier. */
  private Caches process(String redis) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c -> {
              c.backend("chain").option("caches", List.of("memory", shared));
              if (redis == null) {
                c.option("local_timeout", LOCAL_TIMEOUT_SECONDS);
              }
            })
        .cache("memory", c -> c.backend("locmem").location("layered-" + UUID.randomUUID()))
        .cache(
            shared,
            c -> {
              if (redis == null) {
                c.backend("filebased").location(directory.toString());
              } else {
                c.backend("redis").location(redis);
              }
            })
        .build();
  }

  @Override
  void act(String action, HttpServletRequest request, HttpServletResponse response) {
    if (action.equals("/update")) {
      other.getDefault().set(KEY, "written by the other process at " + now(), Timeout.NEVER);
    } else {
      here.getDefault().set(KEY, "written by this process at " + now(), Timeout.NEVER);
    }
    WriteForms.seeOther(response, "/layered");
  }

  @Override
  void show(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Cache chain = here.getDefault();
    ChainExtension tiers = chain.unwrap(ChainExtension.class);
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
            + "</code> through a <code>chain</code> of local memory over "
            + shared
            + ":</p>"
            + "<p class=\"stamp\" id=\"value\">"
            + DemoHtml.escape(value == null ? "(absent)" : value)
            + "</p><p>answered by <span id=\"tier\">"
            + answeredBy
            + "</span> in <span id=\"latency\">"
            + micros
            + "</span> µs; local copy: <span id=\"local-ttl\">"
            + localTtl(chain)
            + "</span>.</p>"
            + table
            + "<p><a href=\"/layered\">Read again</a> · "
            + forms.button("/layered/set", "set", "write from this process")
            + " · "
            + forms.button("/layered/update", "update", "update from another process")
            + "</p><p>The other process is another chain with its own local memory"
            + " over the same "
            + shared
            + ". "
            + (directory == null
                ? "This chain hears of changes through <span id=\"coherence\">"
                    + coherence(tiers.coherence())
                    + "</span>, and drops its local copy at once: the next read is answered by"
                    + " the <code>redis</code> tier with the new value"
                    + (tiers.localTiersInUse()
                        ? "."
                        : " (right now the invalidations are down, so the local tier is bypassed).")
                : "Files cannot tell this process about other processes' writes, so it keeps"
                    + " serving its local copy for at most <code>local_timeout</code> ("
                    + LOCAL_TIMEOUT_SECONDS
                    + " s here), then reads the files again. With Redis below (<code>scripts/demo"
                    + " --redis URL</code>) the copy is dropped within milliseconds instead.")
            + "</p>");
  }

  /** What the chain's coherence source means, for the page. */
  private static String coherence(String source) {
    return switch (source) {
      case "tracking" ->
          "Redis's own key tracking (<code>coherence: tracking</code>): any writer's change"
              + " reaches it, Django's and <code>redis-cli</code>'s too";
      case "publish" ->
          "the chains' pub/sub channel (<code>coherence: publish</code>): other chains' writes"
              + " reach it";
      default -> "<code>coherence: " + DemoHtml.escape(source) + "</code>";
    };
  }

  /** How long this process's local copy of the key has left, or "none". */
  private String localTtl(Cache chain) {
    Cache memory = here.get("memory");
    Timeout left = memory.unwrap(CacheStore.class).timeToLive(chain.makeKey(KEY));
    if (left == null) {
      return "none";
    }
    return left.isNever()
        ? "kept until changed"
        : String.format("%.1f s left", left.toMillis() / 1000.0);
  }

  private static String now() {
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Override
  public void close() {
    here.close();
    other.close();
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: the system cleans it up if we cannot.
    }
  }
}
