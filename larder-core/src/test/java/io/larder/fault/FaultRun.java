package io.larder.fault;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A fault run: several threads call each cache (a strict one and one failing open, on the same
 * server) with a mixed load while the server is {@linkplain Fault killed, stopped and restarted},
 * recording per cache and fault the calls made, the errors raised to the callers, the slowest call,
 * the acknowledged writes lost and the time until the cache answered again once the server was
 * back. Bounded: each fault lasts {@code larder.faultRun.seconds} seconds (2 unless that system
 * property says more, for a longer run on demand), and so does the load between two faults.
 *
 * <pre>{@code
 * Caches caches = FaultRun.caches(c -> c.backend("redis").location(url), 1);
 * FaultRun.on("Redis", target)
 *     .load(caches)
 *     .run()
 *     .print("redis")
 *     .assertHeld(Duration.ofSeconds(30), Duration.ofSeconds(1));
 * }</pre>
 */
public final class FaultRun {
  /** How long each fault lasts, and the load between faults. */
  public static final Duration PHASE =
      Duration.ofMillis(
          Math.round(Double.parseDouble(System.getProperty("larder.faultRun.seconds", "2")) * 1000));

  private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
  private static final int THREADS_PER_CACHE = 2;

  private final String backend;
  private final FaultTarget target;
  private final List<String> labels = new ArrayList<>();
  private final List<Cache> caches = new ArrayList<>();
  private final List<Boolean> failsOpen = new ArrayList<>();
  private Cache reader;
  private volatile int phase;

  private FaultRun(String backend, FaultTarget target) {
    this.backend = backend;
    this.target = target;
  }

  /** A run against {@code target}, named {@code backend} in the table. */
  public static FaultRun on(String backend, FaultTarget target) {
    return new FaultRun(backend, Objects.requireNonNull(target));
  }

  /**
   * A strict cache ({@code default}) and one failing open ({@code fail-open}) on the same server,
   * each defined by {@code on}; the second with a circuit breaker interval of {@code
   * breakerSeconds}. The caller closes them.
   */
  public static Caches caches(Consumer<CacheDefinition> on, int breakerSeconds) {
    return Caches.builder()
        .environment(Map.of())
        .cache("default", on)
        .cache(
            "fail-open",
            c -> {
              on.accept(c);
              c.option("ignore_exceptions", true)
                  .option("circuit_breaker_interval", breakerSeconds);
            })
        .build();
  }

  /** Loads both caches of {@link #caches}. */
  public FaultRun load(Caches caches) {
    return strict(caches.getDefault()).failingOpen(caches.get("fail-open"));
  }

  /** The strict cache to load; it also reads the acknowledged writes back after the run. */
  public FaultRun strict(Cache cache) {
    reader = cache;
    return cache("strict", cache, false);
  }

  /** The cache failing open ({@code ignore_exceptions}) to load. */
  public FaultRun failingOpen(Cache cache) {
    return cache("fail-open", cache, true);
  }

  private FaultRun cache(String label, Cache cache, boolean failingOpen) {
    labels.add(label);
    caches.add(cache);
    failsOpen.add(failingOpen);
    return this;
  }

  /** Runs the load through each fault in turn and reads every acknowledged write back. */
  public FaultReport run() throws InterruptedException {
    Fault[] faults = Fault.values();
    Tally[][] tallies = new Tally[caches.size()][faults.length];
    for (Tally[] row : tallies) {
      for (int f = 0; f < faults.length; f++) {
        row[f] = new Tally();
      }
    }
    long[][] recoveryMillis = new long[caches.size()][faults.length];
    Ledger ledger = new Ledger();
    List<FaultLoad> loads = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < caches.size(); c++) {
      Tally[] row = tallies[c];
      for (int t = 0; t < THREADS_PER_CACHE; t++) {
        String name = labels.get(c) + "-" + t + "-" + System.nanoTime();
        FaultLoad load =
            new FaultLoad(
                name, caches.get(c), failsOpen.get(c), ledger, () -> phase, () -> row[phase]);
        loads.add(load);
        Thread thread = new Thread(load, "fault-load-" + name);
        threads.add(thread);
      }
    }
    // Writes from before the last wipe of a server that keeps data in memory only are not checked.
    long checkFrom = Long.MIN_VALUE;
    // Connected before the load, as a running application is: the first connection (class
    // loading, a cold JIT) can take seconds, which is no fault's cost.
    caches.forEach(cache -> probe(cache, "warm-up", System.nanoTime()));
    threads.forEach(Thread::start);
    try {
      Thread.sleep(PHASE.toMillis());
      for (Fault fault : faults) {
        phase = fault.ordinal();
        boolean wipes = apply(fault);
        long back = System.nanoTime();
        if (wipes) {
          checkFrom = back;
        }
        long[] recovered = awaitRecovery(fault);
        for (int c = 0; c < caches.size(); c++) {
          recoveryMillis[c][fault.ordinal()] = recovered[c];
        }
        Thread.sleep(PHASE.toMillis());
      }
    } finally {
      loads.forEach(FaultLoad::stop);
      for (Thread thread : threads) {
        thread.join(RECOVERY_LIMIT.toMillis());
      }
    }
    Ledger.Result checked = ledger.check(reader, checkFrom, faults.length);
    return new FaultReport(backend, labels, failsOpen, tallies, recoveryMillis, checked);
  }

  /** Does {@code fault} to the server and returns once it is back; true if that wiped its data. */
  private boolean apply(Fault fault) throws InterruptedException {
    switch (fault) {
      case KILL -> {
        target.kill();
        Thread.sleep(PHASE.toMillis());
        target.startAgain();
        return !target.keepsDataWhenKilled();
      }
      case STOP -> {
        target.freeze();
        Thread.sleep(PHASE.toMillis());
        target.thaw();
        return false;
      }
      default -> {
        target.restart();
        return !target.keepsDataWhenKilled();
      }
    }
  }

  /**
   * For each cache, the milliseconds from the server's return until a value written through the
   * cache is read back through it; -1 if that took over a minute.
   */
  private long[] awaitRecovery(Fault fault) {
    long back = System.nanoTime();
    List<CompletableFuture<Long>> probes = new ArrayList<>();
    for (int c = 0; c < caches.size(); c++) {
      Cache cache = caches.get(c);
      String key = "probe-" + labels.get(c) + "-" + fault.label();
      // A thread each: the common pool may have one thread on a small machine.
      probes.add(
          CompletableFuture.supplyAsync(
              () -> probe(cache, key, back), task -> new Thread(task, "fault-probe").start()));
    }
    return probes.stream().mapToLong(CompletableFuture::join).toArray();
  }

  private static long probe(Cache cache, String key, long back) {
    long deadline = back + RECOVERY_LIMIT.toNanos();
    for (long n = 0; System.nanoTime() < deadline; n++) {
      try {
        cache.set(key, n);
        if (cache.get(key) instanceof Number read && read.longValue() == n) {
          return Duration.ofNanos(System.nanoTime() - back).toMillis();
        }
      } catch (RuntimeException notYet) {
        // Still down: try again.
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
    return -1;
  }
}
