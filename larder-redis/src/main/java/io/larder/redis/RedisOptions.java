package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.Timeout;
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
    int maxValueSize) {

  /** The option names this backend reads. */
  static final Set<String> NAMES =
      Set.of(
          "password",
          "username",
          "db",
          "socket_timeout",
          "socket_connect_timeout",
          "sentinels",
          "sentinel_password",
          "cluster",
          "read_from",
          "ssl_cert_reqs",
          "ssl_ca_certs",
          "stampede_lock",
          "stampede_lock_timeout",
          "stampede_wait",
          "scan_count",
          "max_value_size",
          "client_class");

  private static final Map<String, ReadFrom> READ_FROM =
      Map.of(
          "primary", ReadFrom.UPSTREAM,
          "primary_preferred", ReadFrom.UPSTREAM_PREFERRED,
          "replica", ReadFrom.REPLICA,
          "replica_preferred", ReadFrom.REPLICA_PREFERRED,
          "nearest", ReadFrom.LOWEST_LATENCY,
          "any", ReadFrom.ANY);

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

  static RedisOptions from(CacheSettings settings) {
    String clientClass = settings.stringOption("client_class", "django_redis.client.DefaultClient");
    if (!CLIENT_CLASSES.contains(clientClass)) {
      throw settings.bad(
          "client_class",
          clientClass,
          String.join(" or ", CLIENT_CLASSES.stream().sorted().toList())
              + " (Sentinel and Cluster are chosen with options.sentinels and options.cluster)");
    }
    List<HostAndPort> sentinels = sentinels(settings);
    if (clientClass.endsWith("SentinelClient") && sentinels.isEmpty()) {
      throw settings.bad(
          "sentinels", null, "a list of sentinels as host:port, which SentinelClient needs");
    }
    boolean stampede = settings.booleanOption("stampede_lock", false);
    Timeout lockTimeout = positive(settings, "stampede_lock_timeout", Timeout.seconds(10));
    return new RedisOptions(
        settings.stringOption("password", null),
        settings.stringOption("username", null),
        settings.hasOption("db") ? settings.intOption("db", 0, 0, 1 << 20) : null,
        positive(settings, "socket_timeout", Timeout.seconds(5)).duration(),
        positive(settings, "socket_connect_timeout", Timeout.seconds(5)).duration(),
        sentinels,
        settings.stringOption("sentinel_password", null),
        settings.booleanOption("cluster", false),
        readFrom(settings),
        certReqs(settings),
        caCertificates(settings),
        stampede,
        lockTimeout,
        settings.secondsOption("stampede_wait", lockTimeout).duration(),
        settings.intOption("scan_count", 1000, 1, 1_000_000),
        settings.intOption("max_value_size", MAX_BULK, 1, MAX_BULK));
  }

  private static Timeout positive(CacheSettings settings, String name, Timeout defaultValue) {
    Timeout timeout = settings.secondsOption(name, defaultValue);
    if (timeout.toNanos() < 1_000_000) {
      throw settings.bad(name, settings.options().get(name), "a number of seconds, 0.001 or more");
    }
    return timeout;
  }

  private static List<HostAndPort> sentinels(CacheSettings settings) {
    List<HostAndPort> sentinels = new ArrayList<>();
    Object raw = settings.options().get("sentinels");
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
        throw settings.bad(
            "sentinels", raw, "a list of sentinels as host:port or [host, port] pairs");
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
    return settings.listOption("sentinels");
  }

  private static ReadFrom readFrom(CacheSettings settings) {
    String name = settings.stringOption("read_from", null);
    if (name == null) {
      return null;
    }
    ReadFrom readFrom = READ_FROM.get(name.toLowerCase(Locale.ROOT));
    if (readFrom == null) {
      throw settings.bad(
          "read_from", name, String.join(", ", READ_FROM.keySet().stream().sorted().toList()));
    }
    return readFrom;
  }

  private static boolean certReqs(CacheSettings settings) {
    String value = settings.stringOption("ssl_cert_reqs", "required");
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "required", "cert_required" -> true;
      case "none", "cert_none" -> false;
      default -> throw settings.bad("ssl_cert_reqs", value, "required or none");
    };
  }

  private static Path caCertificates(CacheSettings settings) {
    String value = settings.stringOption("ssl_ca_certs", null);
    if (value == null) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isReadable(path)) {
      throw settings.bad("ssl_ca_certs", value, "a readable PEM file of CA certificates");
    }
    return path;
  }
}
