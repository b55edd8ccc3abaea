package io.larder.thymeleaf;

import io.larder.Caches;
import io.larder.MutableClock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * A Thymeleaf engine with the fragment cache over locmem caches of their own (so tests share no
 * store), a clock the test moves, and a counter templates call to show when a body really renders.
 */
final class Fragments {
  final MutableClock clock = new MutableClock();
  final Caches caches;
  final FragmentCacheDialect dialect;
  final TemplateEngine engine = new TemplateEngine();
  final Counter renders = new Counter();

  Fragments(String... aliases) {
    this(locmem(aliases));
  }

  Fragments(Map<String, Object> config) {
    caches = Caches.builder().environment(Map.of()).config(config).clock(clock).build();
    dialect = new FragmentCacheDialect(caches);
    StringTemplateResolver resolver = new StringTemplateResolver();
    resolver.setCacheable(false);
    engine.setTemplateResolver(resolver);
    engine.addDialect(dialect);
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
    Map<String, Object> all = new HashMap<>(variables);
    all.put("renders", renders);
    return engine.process(template, new Context(null, all));
  }

  /** {@code ${renders.next()}} in a fragment prints how many times it was rendered. */
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
