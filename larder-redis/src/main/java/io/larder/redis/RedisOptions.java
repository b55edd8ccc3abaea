package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.Timeout;
import io.larder.spi.SettingValues;
import io.larder.spi.Option;
import io.lettuce.core.ReadFrom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code options} of a Redis cache, each validated once with the standard error naming the
 * alias, the option, the value and what is accepted.
 */
record RedisOptions(
    String password,
    String username,
    Integer db,
    Duration commandTimeout,
    Duration connectTimeout,
    List<HostAndPort> sentinels,
    String sentinelPassword,
    boolean cluster,
    ReadFrom readFrom,
    boolean verifyPeer,
    Path caCertificates,
    boolean stampedeLock,
    Timeout stampedeLockTimeout,
    Duration stampedeWait,
    int scanCount,
    boolean syncOnJedis,
    int maxConnections,
    int maxValueSize,
    RedisFormat format) {

  private static final Map<String, ReadFrom> READ_FROM =
      Map.of(
          "primary", ReadFrom.UPSTREAM,
          "primary_preferred", ReadFrom.UPSTREAM_PREFERRED,
          "replica", ReadFrom.REPLICA,
          "replica_preferred", ReadFrom.REPLICA_PREFERRED,
          "nearest", ReadFrom.LOWEST_LATENCY,
          "any", ReadFrom.ANY);

  /** The shortest timeout Lettuce can apply: a millisecond. */
  private static final double MIN_SECONDS = 0.001;

  /** Redis's largest string (its default {@code proto-max-bulk-len}): 512 MiB. */
  static final int MAX_BULK = 512 * 1024 * 1024;

  private static final Set<String> CLIENT_CLASSES =
      Set.of("django_redis.client.DefaultClient", "django_redis.client.SentinelClient");

  /** A host and port, e.g. a sentinel's. */
  record HostAndPort(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  static final Option<String> PASSWORD =
      Option.string("password", null, "the password, when the URL has none; never logged");
  static final Option<String> USERNAME =
      Option.string("username", null, "the ACL user, when the URL has none");
  static final Option<Integer> DB =
      Option.of(
          "db",
          "none",
          "the database number, when the URL has none",
          settings ->
              RedisOptions.DB.read(
                  settings, null, raw -> (int) SettingValues.integer(raw, 0, 1 << 20)));
  static final Option<Timeout> SOCKET_TIMEOUT =
      Option.seconds(
          "socket_timeout", Timeout.seconds(5), MIN_SECONDS, "seconds a command may take");
  static final Option<Timeout> SOCKET_CONNECT_TIMEOUT =
      Option.seconds(
          "socket_connect_timeout", Timeout.seconds(5), MIN_SECONDS, "seconds connecting may take");
  static final Option<List<HostAndPort>> SENTINELS =
      Option.of(
          "sentinels",
          "[]",
          "Sentinel: the sentinels as host:port or [host, port]; the location names the master",
          RedisOptions::sentinels);
  static final Option<String> SENTINEL_PASSWORD =
      Option.string("sentinel_password", null, "the sentinels' password, if they require one");
  static final Option<Boolean> CLUSTER =
      Option.flag(
          "cluster",
          false,
          "true: the location is a cluster's seed nodes; unset: asked of the first node on"
              + " connecting");
  static final Option<ReadFrom> READ_FROM_OPTION =
      Option.of(
          "read_from",
          "replica_preferred",
          "with replicas or Sentinel: primary, primary_preferred, replica, replica_preferred,"
              + " nearest or any",
          RedisOptions::readFrom);
  static final Option<Boolean> SSL_CERT_REQS =
      Option.of(
          "ssl_cert_reqs",
          "required",
          "rediss://: required, or none not to verify the server (tests only)",
          RedisOptions::certReqs);
  static final Option<Path> SSL_CA_CERTS =
      Option.of(
          "ssl_ca_certs",
          "the JDK's",
          "rediss://: a PEM file of the certificate authorities to trust",
          RedisOptions::caCertificates);
  static final Option<Boolean> STAMPEDE_LOCK =
      Option.flag(
          "stampede_lock",
          false,
          "getOrSet: one process computes a missing value while the others wait for it");
  static final Option<Timeout> STAMPEDE_LOCK_TIMEOUT =
      Option.seconds(
          "stampede_lock_timeout",
          Timeout.seconds(10),
          MIN_SECONDS,
          "seconds the computing process holds the lock");
  static final Option<Timeout> STAMPEDE_WAIT =
      Option.of(
          "stampede_wait",
          "stampede_lock_timeout",
          "seconds the others wait before computing the value themselves",
          settings ->
              RedisOptions.STAMPEDE_WAIT.read(
                  settings,
                  STAMPEDE_LOCK_TIMEOUT.from(settings),
                  raw -> SettingValues.seconds(raw, 0)));
  static final Option<Integer> SCAN_COUNT =
      Option.integer(
          "scan_count",
          1000,
          1,
          1_000_000,
          "SCAN's COUNT for clear with a key_prefix, keys and deletePattern");
  static final Option<Boolean> SYNC_CLIENT =
      Option.of(
          "sync_client",
          "jedis",
          "the client of synchronous calls: jedis (a pool of blocking connections, for one server"
              + " over TCP; Lettuce otherwise) or lettuce (every call on the one Lettuce"
              + " connection); async() is always Lettuce",
          RedisOptions::syncOnJedis);
  private static final int MOST_CONNECTIONS = 100_000;
  /**
   * Enough that 64 threads each hold a connection, so that their calls do not overflow onto
   * Lettuce's one connection (docs/benchmarks.md compares 50 and 128 at 64 threads).
   */
  private static final int DEFAULT_CONNECTIONS = 128;
  static final Option<Integer> MAX_CONNECTIONS =
      Option.of(
          "max_connections",
          String.valueOf(DEFAULT_CONNECTIONS),
          "with sync_client jedis: the most pooled connections (redis-py's max_connections);"
              + " while all are busy, calls go over the Lettuce connection instead of waiting",
          RedisOptions::maxConnections);
  static final Option<Integer> CONNECTION_POOL_KWARGS =
      Option.of(
          "connection_pool_kwargs",
          "none",
          "django-redis's CONNECTION_POOL_KWARGS, so a Django app's OPTIONS can be copied: its"
              + " max_connections is read as max_connections",
          RedisOptions::poolKwargsMaxConnections);
  static final Option<String> CLIENT_CLASS =
      Option.of(
          "client_class",
          "django_redis.client.DefaultClient",
          "django-redis's CLIENT_CLASS: DefaultClient or SentinelClient",
          RedisOptions::clientClass);

  /** Every option this backend reads. */
  static final List<Option<?>> ALL =
      List.of(
          PASSWORD,
          USERNAME,
          DB,
          SOCKET_TIMEOUT,
          SOCKET_CONNECT_TIMEOUT,
          SENTINELS,
          SENTINEL_PASSWORD,
          CLUSTER,
          READ_FROM_OPTION,
          SSL_CERT_REQS,
          SSL_CA_CERTS,
          STAMPEDE_LOCK,
          STAMPEDE_LOCK_TIMEOUT,
          STAMPEDE_WAIT,
          SCAN_COUNT,
          SYNC_CLIENT,
          MAX_CONNECTIONS,
          CONNECTION_POOL_KWARGS,
          CLIENT_CLASS);

  static RedisOptions from(CacheSettings settings) {
    String clientClass = CLIENT_CLASS.from(settings);
    List<HostAndPort> sentinels = SENTINELS.from(settings);
    if (clientClass.endsWith("SentinelClient") && sentinels.isEmpty()) {
      throw SENTINELS.invalid(
          settings, null, "a list of sentinels as host:port, which SentinelClient needs");
    }
    return new RedisOptions(
        PASSWORD.from(settings),
        USERNAME.from(settings),
        DB.from(settings),
        SOCKET_TIMEOUT.from(settings).duration(),
        SOCKET_CONNECT_TIMEOUT.from(settings).duration(),
        sentinels,
        SENTINEL_PASSWORD.from(settings),
        CLUSTER.from(settings),
        READ_FROM_OPTION.from(settings),
        SSL_CERT_REQS.from(settings),
        SSL_CA_CERTS.from(settings),
        STAMPEDE_LOCK.from(settings),
        STAMPEDE_LOCK_TIMEOUT.from(settings),
        STAMPEDE_WAIT.from(settings).duration(),
        SCAN_COUNT.from(settings),
        SYNC_CLIENT.from(settings),
        MAX_CONNECTIONS.from(settings),
        // Every cache's max_value_size (64 MiB by default), and never more than a Redis string.
        Math.min(settings.maxValueSize(), MAX_BULK),
        RedisFormat.of(settings));
  }

  private static String clientClass(CacheSettings settings) {
    String clientClass =
        CLIENT_CLASS.read(settings, "django_redis.client.DefaultClient", SettingValues::text);
    if (!CLIENT_CLASSES.contains(clientClass)) {
      throw CLIENT_CLASS.invalid(
          settings,
          clientClass,
          String.join(" or ", CLIENT_CLASSES.stream().sorted().toList())
              + " (Sentinel and Cluster are chosen with options.sentinels and options.cluster)");
    }
    return clientClass;
  }


  private static List<HostAndPort> sentinels(CacheSettings settings) {
    List<HostAndPort> sentinels = new ArrayList<>();
    Object raw = SENTINELS.raw(settings);
    for (Object item : sentinelItems(settings, raw)) {
      String text =
          item instanceof List<?> pair && pair.size() == 2
              ? pair.get(0) + ":" + pair.get(1)
              : String.valueOf(item).trim();
      int colon = text.lastIndexOf(':');
      try {
        int port = Integer.parseInt(text.substring(colon + 1));
        if (colon <= 0 || port < 1 || port > 65535) {
          throw new NumberFormatException(text);
        }
        sentinels.add(new HostAndPort(text.substring(0, colon), port));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        throw SENTINELS.invalid(
            settings, raw, "a list of sentinels as host:port or [host, port] pairs");
      }
    }
    return List.copyOf(sentinels);
  }

  private static List<?> sentinelItems(CacheSettings settings, Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (raw instanceof List<?> list) {
      return list;
    }
    return SENTINELS.read(settings, List.of(), SettingValues::list);
  }

  private static ReadFrom readFrom(CacheSettings settings) {
    String name = READ_FROM_OPTION.read(settings, null, SettingValues::text);
    if (name == null) {
      return null;
    }
    ReadFrom readFrom = READ_FROM.get(name.toLowerCase(Locale.ROOT));
    if (readFrom == null) {
      throw READ_FROM_OPTION.invalid(
          settings, name, String.join(", ", READ_FROM.keySet().stream().sorted().toList()));
    }
    return readFrom;
  }

  /** {@code max_connections}, else {@code connection_pool_kwargs.max_connections}, else 128. */
  private static int maxConnections(CacheSettings settings) {
    Integer fromKwargs = CONNECTION_POOL_KWARGS.from(settings);
    int otherwise = fromKwargs != null ? fromKwargs : DEFAULT_CONNECTIONS;
    return MAX_CONNECTIONS.read(
        settings, otherwise, raw -> (int) SettingValues.integer(raw, 1, MOST_CONNECTIONS));
  }

  private static Integer poolKwargsMaxConnections(CacheSettings settings) {
    Object raw = CONNECTION_POOL_KWARGS.raw(settings);
    if (raw == null) {
      return null;
    }
    String accepted = "a mapping holding only max_connections (1 to " + MOST_CONNECTIONS + ")";
    if (!(raw instanceof Map<?, ?> kwargs)) {
      throw CONNECTION_POOL_KWARGS.invalid(settings, raw, accepted);
    }
    Object max = null;
    for (Map.Entry<?, ?> kwarg : kwargs.entrySet()) {
      if (!"max_connections".equalsIgnoreCase(String.valueOf(kwarg.getKey()))) {
        throw CONNECTION_POOL_KWARGS.invalid(
            settings, raw, accepted + "; redis-py's other pool arguments have no Jedis meaning");
      }
      max = kwarg.getValue();
    }
    try {
      return max == null ? null : (int) SettingValues.integer(max, 1, MOST_CONNECTIONS);
    } catch (IllegalArgumentException e) {
      throw CONNECTION_POOL_KWARGS.invalid(settings, raw, accepted);
    }
  }

  private static boolean syncOnJedis(CacheSettings settings) {
    String value = SYNC_CLIENT.read(settings, "jedis", SettingValues::text);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "jedis" -> true;
      case "lettuce" -> false;
      default -> throw SYNC_CLIENT.invalid(settings, value, "jedis or lettuce");
    };
  }

  private static boolean certReqs(CacheSettings settings) {
    String value = SSL_CERT_REQS.read(settings, "required", SettingValues::text);
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "required", "cert_required" -> true;
      case "none", "cert_none" -> false;
      default -> throw SSL_CERT_REQS.invalid(settings, value, "required or none");
    };
  }

  private static Path caCertificates(CacheSettings settings) {
    String value = SSL_CA_CERTS.read(settings, null, SettingValues::text);
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw SSL_CA_CERTS.invalid(settings, value, "a readable PEM file of CA certificates");
    }
    return path;
  }
}
