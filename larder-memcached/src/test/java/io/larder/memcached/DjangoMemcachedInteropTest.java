package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.MemcachedServer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A Django app (Debian's python3-django with python3-pymemcache, Django's PyMemcacheCache) and
 * Larder sharing a pool of three memcached servers, with the same key prefix and version: each
 * reads what the other wrote, counts the other's counters, and looks for a key on the same server.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoMemcachedInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  /** Django configured like {@link #caches}; the servers are argv[1], comma-separated. */
  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      servers = sys.argv[1].split(',')
      settings.configure(CACHES={'default': {
          'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache',
          'LOCATION': servers, 'KEY_PREFIX': 'site', 'VERSION': 2, 'TIMEOUT': 300}})
      import django
      django.setup()
      from django.core.cache import cache
      keys = ['key%d' % i for i in range(60)] + ['cl\\u00e9', '\\u6e05\\u6c34', 'smile\\U0001F600']
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
                    c.backend("django.core.cache.backends.memcached.PyMemcacheCache")
                        .location(location)
                        .keyPrefix("site")
                        .version(2)
                        .option("serializer", "pickle"))
            .build();
    cache = caches.getDefault();
    cache.clear();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private String django(String script) {
    return python.run(DJANGO + script, location);
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>();
    IntStream.range(0, 60).forEach(i -> keys.add("key" + i));
    keys.addAll(List.of("clé", "清水", "smile\uD83D\uDE00"));
    return keys;
  }

  @Test
  void javaReadsWhatDjangoWrote() {
    django(
        """
        values = {'none': None, 'true': True, 'int': 42, 'long': 2**40, 'big': 2**70,
                  'float': 1.5, 'str': 'h\\u00e9llo \\u2713', 'bytes': b'raw\\x00bytes',
                  'list': [1, 'two', 3.0], 'dict': {'b': 1, 'a': [2]}}
        for k, v in values.items(): cache.set(k, v)
        """);

    assertThat(cache.hasKey("none")).isTrue();
    assertThat((Object) cache.get("none", "missing")).isNull();
    assertThat((Object) cache.get("true")).isEqualTo(true);
    assertThat((Object) cache.get("int")).isEqualTo(42);
    assertThat((Object) cache.get("long")).isEqualTo(1L << 40);
    assertThat((Object) cache.get("big")).isEqualTo(BigInteger.TWO.pow(70));
    assertThat((Object) cache.get("float")).isEqualTo(1.5);
    assertThat((Object) cache.get("str")).isEqualTo("héllo ✓");
    assertThat((byte[]) cache.get("bytes")).isEqualTo("raw\0bytes".getBytes());
    assertThat((Object) cache.get("list")).isEqualTo(List.of(1, "two", 3.0));
    Map<String, Object> dict = cache.get("dict");
    assertThat(new ArrayList<>(dict.keySet())).containsExactly("b", "a");
    assertThat(dict).containsEntry("b", 1).containsEntry("a", List.of(2));
  }

  @Test
  void djangoReadsWhatJavaWrote() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("none", null);
    values.put("true", true);
    values.put("int", 42);
    values.put("long", 1L << 40);
    values.put("big", BigInteger.TWO.pow(70));
    values.put("float", 1.5);
    values.put("str", "héllo ✓");
    values.put("bytes", "raw\0bytes".getBytes());
    values.put("list", List.of(1, "two", 3.0));
    values.put("dict", new LinkedHashMap<>(Map.of("b", 1)));
    values.forEach(cache::set);

    String out =
        django(
            """
for k in ['none', 'true', 'int', 'long', 'big', 'float', 'str', 'bytes', 'list', 'dict']:
    print(k, repr(cache.get(k, 'MISSING')))
""");

    assertThat(out.lines())
        .containsExactly(
            "none None",
            "true True",
            "int 42",
            "long 1099511627776",
            "big 1180591620717411303424",
            "float 1.5",
            "str 'héllo ✓'",
            "bytes b'raw\\x00bytes'",
            "list [1, 'two', 3.0]",
            "dict {'b': 1}");
  }

  @Test
  void eachIncrementsTheOthersCounters() {
    django("cache.set('from_django', 10)\n");
    assertThat(cache.incr("from_django", 5)).isEqualTo(15);
    cache.set("from_java", 100);
    cache.set("long_from_java", 1L << 40);

    String out =
        django(
            """
            print(cache.incr('from_django', 2))
            print(cache.incr('from_java'))
            print(cache.decr('long_from_java', 1))
            """);

    assertThat(out.lines()).containsExactly("17", "101", "1099511627775");
    assertThat((Object) cache.get("from_django")).isEqualTo(17);
    assertThat((Object) cache.get("from_java")).isEqualTo(101);
    assertThat((Object) cache.get("long_from_java")).isEqualTo((1L << 40) - 1);
  }

  @Test
  void bothChooseTheSameServerForEveryKey() {
    String out =
        django(
            """
            for k in keys:
                host, port = cache._cache._get_client(cache.make_key(k)).server
                print('%s:%s' % (host, port))
            """);

    List<Server> pool = Pools.asServers(servers);
    Ring ring = new RendezvousRing(pool);
    List<String> javaChoice =
        keys().stream().map(k -> pool.get(ring.serverFor(cache.makeKey(k))).toString()).toList();
    assertThat(out.lines().toList()).isEqualTo(javaChoice);
    assertThat(javaChoice).containsAll(servers.stream().map(MemcachedServer::address).toList());
  }

  @Test
  void javaFindsEveryKeyDjangoSpreadOverThePool() {
    django("for k in keys: cache.set(k, 'django ' + k)\n");

    Map<String, Object> found = cache.getMany(keys());

    assertThat(found).hasSize(keys().size());
    keys().forEach(k -> assertThat(found).containsEntry(k, "django " + k));
  }

  @Test
  void djangoFindsEveryKeyJavaSpreadOverThePool() {
    keys().forEach(k -> cache.set(k, "java " + k));

    String out =
        django(
            """
            found = cache.get_many(keys)
            print(len(found), all(found[k] == 'java ' + k for k in keys))
            """);

    assertThat(out.strip()).isEqualTo(keys().size() + " True");
  }
}
