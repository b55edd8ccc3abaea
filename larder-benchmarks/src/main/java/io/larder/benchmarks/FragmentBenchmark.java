package io.larder.benchmarks;

import io.larder.Caches;
import io.larder.FragmentKeys;
import io.larder.pebble.FragmentCacheExtension;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A page with a 100-item sidebar, in the same run: rendered every time by plain Pebble, served by
 * Pebble's own {@code cache} tag (no timeout, no vary-on, in-process only), and served by Larder's
 * {@code {% cache 500 "sidebar" user lang %}} from a local-memory cache. Also the key alone.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class FragmentBenchmark {
  private static final String SIDEBAR =
      "<ul>{% for item in items %}<li class=\"{{ loop.index }}\">{{ item | upper }}</li>"
          + "{% endfor %}</ul>";

  private Caches caches;
  private PebbleTemplate plain;
  private PebbleTemplate pebbleCacheTag;
  private PebbleTemplate larderCacheTag;
  private Map<String, Object> context;

  @Setup
  public void build() {
    caches = BenchCaches.of(c -> c.backend("locmem"));
    PebbleEngine pebble = new PebbleEngine.Builder().loader(new StringLoader()).build();
    PebbleEngine larder =
        new PebbleEngine.Builder()
            .loader(new StringLoader())
            .extension(new FragmentCacheExtension(caches))
            .build();
    plain = pebble.getTemplate("<main>page</main>" + SIDEBAR);
    pebbleCacheTag =
        pebble.getTemplate("<main>page</main>{% cache \"sidebar\" %}" + SIDEBAR + "{% endcache %}");
    larderCacheTag =
        larder.getTemplate(
            "<main>page</main>{% cache 500 \"sidebar\" user lang %}" + SIDEBAR + "{% endcache %}");
    List<String> items = IntStream.range(0, 100).mapToObj(i -> "item " + i).toList();
    context = Map.of("items", items, "user", 42, "lang", "en");
  }

  @TearDown
  public void close() {
    caches.close();
  }

  private String render(PebbleTemplate template) throws IOException {
    StringWriter out = new StringWriter(4096);
    template.evaluate(out, context);
    return out.toString();
  }

  @Benchmark
  public String pebbleRenderEveryTime() throws IOException {
    return render(plain);
  }

  @Benchmark
  public String pebbleOwnCacheTagHit() throws IOException {
    return render(pebbleCacheTag);
  }

  @Benchmark
  public String larderCacheTagHit() throws IOException {
    return render(larderCacheTag);
  }

  @Benchmark
  public String fragmentKey() {
    return FragmentKeys.make("sidebar", 42, "en");
  }
}
