package io.larder.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.testsupport.RedisServers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs on one redis-server see one JCache: entries, entry processors atomic per key, and
 * listeners that hear the other JVM's changes.
 */
class TwoProcessesOnOneRedisTest {
  private static final int INCREMENTS = 400;

  private final CachingProvider provider =
      Caching.getCachingProvider(LarderCachingProvider.class.getName());
  private final String name = "shared-" + UUID.randomUUID();
  private URI config;
  private Cache<String, Long> cache;

  @BeforeEach
  void openCache(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("larder.yml");
    Files.writeString(
        file,
        "caches:\n  default:\n    backend: redis\n    location: "
            + RedisServers.standalone().url(3)
            + "\n");
    config = file.toUri();
    CacheManager manager = provider.getCacheManager(config, getClass().getClassLoader());
    cache =
        manager.createCache(
            name, new MutableConfiguration<String, Long>().setTypes(String.class, Long.class));
  }

  @AfterEach
  void closeManagers() {
    provider.close();
  }

  @Test
  void anEntryTheOtherJvmPutIsReadHere() throws Exception {
    Process other = worker("put", "answer", "42");

    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).isZero();

    assertThat(cache.get("answer")).isEqualTo(42L);
  }

  @Test
  void entryProcessorsOfTwoJvmsOnOneKeyCountEveryIncrement() throws Exception {
    Process other = worker("count", "counter", String.valueOf(INCREMENTS));
    for (int i = 0; i < INCREMENTS; i++) {
      cache.invoke("counter", new JCacheWorker.Increment());
    }

    assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).isZero();
    assertThat(cache.get("counter")).isEqualTo(2L * INCREMENTS);
  }

  @Test
  void aListenerHearsTheOtherJvmCreateUpdateAndRemove() throws Exception {
    Recorder.EVENTS.clear();
    cache.registerCacheEntryListener(
        new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(Recorder.class), null, false, false));

    Process other = worker("change", "watched", "0");

    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).isZero();
    List<String> heard = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      heard.add(Recorder.EVENTS.poll(30, TimeUnit.SECONDS));
    }
    // The value of an event is read when it arrives: the entry may already have changed again.
    assertThat(heard).hasSize(3);
    assertThat(heard.get(0)).startsWith("CREATED watched");
    assertThat(heard.get(1)).startsWith("UPDATED watched");
    assertThat(heard.get(2)).isEqualTo("REMOVED watched null");
  }

  /** Records the events it hears as {@code TYPE key value}. */
  public static final class Recorder
      implements CacheEntryCreatedListener<String, Long>,
          CacheEntryUpdatedListener<String, Long>,
          CacheEntryRemovedListener<String, Long> {
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
      record(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
      record(events);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
      record(events);
    }

    private static void record(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
      for (CacheEntryEvent<? extends String, ? extends Long> event : events) {
        EVENTS.add(event.getEventType() + " " + event.getKey() + " " + event.getValue());
      }
    }
  }

  /** Starts the other JVM on {@code command} and returns once it has begun to carry it out. */
  private Process worker(String... command) throws IOException {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(List.of("-cp", System.getProperty("java.class.path")));
    args.addAll(List.of(JCacheWorker.class.getName(), config.toString(), name));
    args.addAll(List.of(command));
    Process process =
        new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    assertThat(output.readLine()).isEqualTo("ready");
    Writer input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    input.write("go\n");
    input.flush();
    return process;
  }
}
