package io.larder.micrometer;

import io.larder.OperationTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Operation latency as Micrometer timers: one {@code cache.operations} timer per cache and
 * operation, tagged {@code cache} (the alias) and {@code operation} (Django's name: {@code get},
 * {@code set}, {@code add}, {@code touch}, {@code delete}, {@code has_key}, {@code get_many}, {@code
 * set_many}, {@code delete_many}, {@code incr}, {@code clear}), timing each call from Larder to its
 * store and back. Opt-in: hand it to the caches when they are built, and only then does a cache
 * read the clock around its store calls.
 *
 * <pre>{@code
 * Caches caches = Caches.builder()
 *     .load(Path.of("larder.yml"))
 *     .operationTimer(new LarderOperationTimers(registry, Tags.of("app", "shop")))
 *     .build();
 * }</pre>
 *
 * <p>Each timer is registered on the first call of its operation and looked up without allocating
 * afterwards.
 *
 * @since 0.1
 */
public final class LarderOperationTimers implements OperationTimer {
  /** The timers' name. */
  public static final String NAME = "cache.operations";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

  /**
   * Timers in {@code registry}, with {@code tags} added to {@code cache} and {@code operation}.
   *
   * @param registry where the timers go
   * @param tags more tags for every timer
   */
  public LarderOperationTimers(MeterRegistry registry, Iterable<Tag> tags) {
    this.registry = registry;
    this.tags = Tags.of(tags);
  }

  @Override
  public void record(String alias, String operation, long nanos) {
    timers
        .computeIfAbsent(alias, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, o -> register(alias, o))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer register(String alias, String operation) {
    return Timer.builder(NAME)
        .tags(tags)
        .tag("cache", alias)
        .tag("operation", operation)
        .description("Time a cache's calls to its store took, per operation")
        .register(registry);
  }
}
