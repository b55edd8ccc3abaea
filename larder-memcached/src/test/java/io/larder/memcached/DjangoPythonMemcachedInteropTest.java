package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.MemcachedServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Django 3.2's {@code MemcachedCache} (python-memcached, Debian's python3-memcache 1.59; the backend
 * is gone from Django 4.1, so only 3.2 runs it) and Larder configured with the same backend name,
 * on a pool of three real memcached servers: every key is on the server both look for it on, with
 * and without weights, and after a server dies both rehash its keys to the same live servers.
 */
class DjangoPythonMemcachedInteropTest {
  private static final DjangoPython DJANGO_3_2 = DjangoPython.DJANGO_3_2;
  private static final String BACKEND = "django.core.cache.backends.memcached.MemcachedCache";

  /**
   * Django configured like {@link #open}; argv[1] is the servers, comma-separated, argv[2] their
   * weights or ''. {@code server_of(key)} is the port python-memcached picks for a key.
   */
  private static final String DJANGO =
      """
      import sys, warnings
      warnings.simplefilter('ignore')
      from django.conf import settings
      servers = sys.argv[1].split(',')
      if sys.argv[2]:
          servers = list(zip(servers, map(int, sys.argv[2].split(','))))
      settings.configure(CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.memcached.MemcachedCache',
          'LOCATION': servers, 'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      keys = ['key%d' % i for i in range(100)] + ['cl\\u00e9', '\\u6e05\\u6c34']
      def server_of(key):
          server, _ = cache._cache._get_server(cache.make_key(key).encode())
          return server.port if server else None
      """;

  private List<MemcachedServer> servers;
  private String location;
  private Caches caches;
  private Cache cache;

  private Cache open(List<MemcachedServer> pool, List<Integer> weights) {
    servers = pool;
    location = Pools.location(pool);
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> {
                  c.backend(BACKEND)
                      .location(location)
                      .keyPrefix("site")
                      .version(2)
                      .option("serializer", "pickle")
                      .option("ignore_exceptions", true)
                      // A killed server stays out for the whole test, however slow the machine.
                      .option("dead_timeout", 3600);
                  if (weights != null) {
                    c.option("weights", weights);
                  }
                })
            .build();
    cache = caches.getDefault();
    return cache;
  }

  @AfterEach
  void close() {
    if (caches != null) {
      caches.getDefault().clear();
      caches.close();
    }
  }

  private String django(List<Integer> weights, String script) {
    String weightList =
        weights == null ? "" : String.join(",", weights.stream().map(String::valueOf).toList());
    return DJANGO_3_2.run(DJANGO + script, location, weightList).strip();
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    IntStream.range(0, 100).forEach(i -> keys.add("key" + i));
    keys.addAll(List.of("clé", "清水"));
    return keys;
  }

  /** The port of the one server holding each key, in {@link #keys} order. */
  private List<Integer> holders() {
    List<Integer> ports = new ArrayList<>();
    for (String key : keys()) {
      String made = cache.makeKey(key);
      List<MemcachedServer> holding =
          servers.stream().filter(s -> s.isRunning() && s.get(made) != null).toList();
      assertThat(holding).as("the servers holding %s", made).hasSize(1);
      ports.add(holding.get(0).port());
    }
    return ports;
  }

  private List<Integer> djangoServers(List<Integer> weights) {
    String out = django(weights, "print(' '.join(str(server_of(k)) for k in keys))\n");
    return Arrays.stream(out.split(" ")).map(Integer::valueOf).toList();
  }

  @Test
  void larderFindsEveryKeyWherePythonMemcachedPutIt() {
    open(MemcachedServer.shared(3), null);
    cache.clear();
    django(null, "for k in keys: cache.set(k, 'django ' + k)\n");

    List<Integer> ports = holders();
    assertThat(ports).containsAll(servers.stream().map(MemcachedServer::port).toList());
    assertThat(cache.getMany(keys())).hasSize(keys().size()).containsEntry("key7", "django key7");
  }

  @Test
  void pythonMemcachedFindsEveryKeyWhereLarderPutIt() {
    open(MemcachedServer.shared(3), null);
    cache.clear();
    keys().forEach(k -> cache.set(k, "java " + k));

    assertThat(djangoServers(null)).isEqualTo(holders());
    assertThat(django(null, "found = cache.get_many(keys)\nprint(len(found), found['clé'])\n"))
        .isEqualTo(keys().size() + " java clé");
  }

  @Test
  void weightedServersAreChosenAlikeBothWays() {
    List<Integer> weights = List.of(3, 1, 2);
    open(MemcachedServer.shared(3), weights);
    cache.clear();
    keys().subList(0, 50).forEach(k -> cache.set(k, "java " + k));
    django(weights, "for k in keys[50:]: cache.set(k, 'django ' + k)\n");

    assertThat(holders()).isEqualTo(djangoServers(weights));
    assertThat(cache.getMany(keys())).hasSize(keys().size());
    assertThat(django(weights, "print(len(cache.get_many(keys)))\n"))
        .isEqualTo(String.valueOf(keys().size()));
  }

  @Test
  void theKeysOfADeadServerAreRehashedToTheSameLiveServersBothWays() {
    List<MemcachedServer> pool =
        List.of(MemcachedServer.start(), MemcachedServer.start(), MemcachedServer.start());
    try {
      open(pool, null);
      pool.get(1).kill();
      // The first look-up on the dead server fails (a miss, failing open) and takes it out.
      cache.getMany(keys());

      keys().forEach(k -> cache.set(k, "java " + k));
      List<Integer> larder = holders();
      List<Integer> django = djangoServers(null);

      assertThat(larder).doesNotContain(pool.get(1).port()).isEqualTo(django);
      assertThat(Collections.frequency(larder, pool.get(0).port())).isPositive();
      assertThat(django(null, "found = cache.get_many(keys)\nprint(len(found))\n"))
          .isEqualTo(String.valueOf(keys().size()));
    } finally {
      caches.close();
      caches = null;
      pool.forEach(MemcachedServer::close);
    }
  }
}
