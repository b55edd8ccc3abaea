package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.MemcachedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Larder's default ketama ring against real libmemcached: Django's PyLibMCCache (Debian's
 * python3-pylibmc) with {@code OPTIONS={"behaviors": {"ketama_weighted": True}}} on the same pool
 * of three servers puts every key on the server Larder looks for it on.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class LibmemcachedKetamaInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String DJANGO =
      """
      import sys
      try:
          import pylibmc
      except ImportError:
          sys.exit('pylibmc is missing: install it with apt-get install python3-pylibmc')
      from django.conf import settings
      servers = sys.argv[1].split(',')
      settings.configure(CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.memcached.PyLibMCCache',
          'LOCATION': servers, 'OPTIONS': {'behaviors': {'ketama_weighted': True}}}})
      import django
      django.setup()
      from django.core.cache import cache
      keys = ['key%d' % i for i in range(100)] + ['cl\\u00e9', '\\u6e05\\u6c34']
      """;

  private final List<MemcachedServer> servers = MemcachedServer.shared(3);
  private final String location = Pools.location(servers);
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("django.core.cache.backends.memcached.PyLibMCCache")
                        .location(location)
                        .option("serializer", "pickle"))
            .build();
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    IntStream.range(0, 100).forEach(i -> keys.add("key" + i));
    keys.addAll(List.of("clé", "清水"));
    return keys;
  }

  @Test
  void libmemcachedPutsEveryKeyOnTheServerLarderChooses() {
    python.run(DJANGO + "for k in keys: cache.set(k, k)\n", location);

    List<Server> pool = Pools.asServers(servers);
    Ring ring = new KetamaRing(pool);
    for (String key : keys()) {
      String made = cache.makeKey(key);
      MemcachedServer expected = servers.get(ring.serverFor(made));
      assertThat(servers)
          .as("the servers holding %s", made)
          .filteredOn(server -> server.get(made) != null)
          .containsExactly(expected);
    }
  }

  @Test
  void eachReadsWhatTheOtherSpreadOverThePool() {
    python.run(DJANGO + "for k in keys: cache.set(k, 'django ' + k)\n", location);
    assertThat(cache.getMany(keys())).hasSize(keys().size());

    keys().forEach(k -> cache.set(k, "java " + k));
    String out =
        python.run(
            DJANGO
                + "found = cache.get_many(keys)\n"
                + "print(len(found), all(found[k] == 'java ' + k for k in keys))\n",
            location);
    assertThat(out.strip()).isEqualTo(keys().size() + " True");
  }
}
