package io.larder.redis;

import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a Django/django-redis {@code LOCATION} URL into Lettuce's {@link RedisURI}: {@code
 * redis://[user:password@]host[:port][/db]}, {@code rediss://} for TLS, and {@code
 * unix:///path/redis.sock?db=N}; {@code ?db=}, {@code ?password=} and {@code ?username=} are read
 * as redis-py reads them. The URL's credentials and database win over {@code options}.
 */
final class RedisLocations {
  private static final String ACCEPTED =
      "a redis://[user:password@]host[:port][/db], rediss://... (TLS) or unix:///path/to/redis.sock"
          + "[?db=N] URL";

  private RedisLocations() {}

  /** The URI of one data node. */
  static RedisURI node(CacheSettings settings, RedisOptions options, String location) {
    Parsed url = parse(settings, location);
    RedisURI.Builder builder =
        url.socket() != null
            ? RedisURI.Builder.socket(url.socket())
            : RedisURI.Builder.redis(url.host(), url.port());
    return finish(builder, options, url);
  }

  /**
   * The URI of a Sentinel-managed primary: the location's host is the master name (as in
   * django-redis's SentinelClient), the nodes are {@code options.sentinels}.
   */
  static RedisURI sentinel(CacheSettings settings, RedisOptions options, String location) {
    Parsed url = parse(settings, location);
    if (url.socket() != null) {
      throw badLocation(
          settings, "redis://[user:password@]MASTER_NAME[/db] with options.sentinels");
    }
    RedisOptions.HostAndPort first = options.sentinels().get(0);
    RedisURI.Builder builder = RedisURI.Builder.sentinel(first.host(), first.port(), url.host());
    for (RedisOptions.HostAndPort sentinel :
        options.sentinels().subList(1, options.sentinels().size())) {
      builder.withSentinel(sentinel.host(), sentinel.port());
    }
    RedisURI uri = finish(builder, options, url);
    for (RedisURI sentinel : uri.getSentinels()) {
      sentinel.setTimeout(options.commandTimeout());
      if (options.sentinelPassword() != null) {
        sentinel.setAuthentication(options.sentinelPassword());
      }
    }
    return uri;
  }

  private static RedisURI finish(RedisURI.Builder builder, RedisOptions options, Parsed url) {
    builder.withSsl(url.tls());
    if (url.tls()) {
      builder.withVerifyPeer(options.verifyPeer());
    }
    int db = url.db() != null ? url.db() : options.db() != null ? options.db() : 0;
    builder.withDatabase(db);
    String password = url.password() != null ? url.password() : options.password();
    String username = url.username() != null ? url.username() : options.username();
    if (password != null) {
      if (username != null && !username.isEmpty()) {
        builder.withAuthentication(username, password);
      } else {
        builder.withPassword(password);
      }
    }
    builder.withTimeout(options.commandTimeout());
    builder.withLibraryName("larder");
    return builder.build();
  }

  private record Parsed(
      boolean tls,
      String host,
      int port,
      String socket,
      Integer db,
      String username,
      String password) {}

  private static Parsed parse(CacheSettings settings, String location) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      throw badLocation(settings, ACCEPTED);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    Map<String, String> query = query(uri.getRawQuery());
    String[] user = userInfo(uri.getRawUserInfo());
    String username = query.getOrDefault("username", user[0]);
    String password = query.getOrDefault("password", user[1]);
    Integer db = query.containsKey("db") ? db(settings, location, query.get("db")) : null;
    switch (scheme) {
      case "unix" -> {
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
          throw badLocation(settings, ACCEPTED);
        }
        return new Parsed(false, null, 0, uri.getPath(), db, username, password);
      }
      case "redis", "rediss" -> {
        if (uri.getHost() == null) {
          throw badLocation(settings, ACCEPTED);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (db == null && !path.isEmpty()) {
          db = db(settings, location, path);
        }
        int port = uri.getPort() == -1 ? RedisURI.DEFAULT_REDIS_PORT : uri.getPort();
        return new Parsed(
            scheme.equals("rediss"), uri.getHost(), port, null, db, username, password);
      }
      default -> throw badLocation(settings, ACCEPTED);
    }
  }

  private static Integer db(CacheSettings settings, String location, String text) {
    try {
      int db = Integer.parseInt(text);
      if (db >= 0) {
        return db;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw badLocation(settings, "a database number, 0 or more, after the / or as ?db=");
  }

  private static InvalidConfigurationException badLocation(
      CacheSettings settings, String accepted) {
    return InvalidConfigurationException.badSetting(
        settings.alias(), "location", settings.displayLocation(), accepted);
  }

  private static String[] userInfo(String raw) {
    if (raw == null || raw.isEmpty()) {
      return new String[] {null, null};
    }
    int colon = raw.indexOf(':');
    if (colon < 0) {
      // redis://name@host is a user name alone, as redis-py reads it.
      return new String[] {decode(raw), null};
    }
    String username = decode(raw.substring(0, colon));
    return new String[] {username.isEmpty() ? null : username, decode(raw.substring(colon + 1))};
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
