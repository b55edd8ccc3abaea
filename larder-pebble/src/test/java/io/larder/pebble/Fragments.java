package io.larder.pebble;

import io.larder.Caches;
import io.larder.MutableClock;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pebble engine with the fragment cache over locmem caches of their own (so tests share no
 * store), a clock the test moves, and a counter templates call to show when a body really renders.
 */
final class Fragments {
  final MutableClock clock = new MutableClock();
  final Caches caches;
  final FragmentCacheExtension extension;
  final PebbleEngine engine;
  final Counter renders = new Counter();

  Fragments(String... aliases) {
    this(locmem(aliases));
  }

  Fragments(Map<String, Object> config) {
    caches = Caches.builder().config(config).clock(clock).build();
    extension = new FragmentCacheExtension(caches);
    engine =
        new PebbleEngine.Builder()
            .loader(new StringLoader())
            .extension(extension)
            .build();
  }

  static Map<String, Object> locmem(String... aliases) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("default", Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    for (String alias : aliases) {
      config.put(alias, Map.of("backend", "locmem", "location", UUID.randomUUID().toString()));
    }
    return config;
  }

  String render(String template) {
    return render(template, Map.of());
  }

  String render(String template, Map<String, Object> variables) {
    Map<String, Object> context = new HashMap<>(variables);
    context.put("renders", renders);
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code {{ renders.next() }}} in a fragment prints how many times it was rendered. */
  public static final class Counter {
    private final AtomicInteger count = new AtomicInteger();

    public int next() {
      return count.incrementAndGet();
    }

    int count() {
      return count.get();
    }
  }
}
