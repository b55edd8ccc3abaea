package io.larder.web.session;

import io.larder.InvalidConfigurationException;
import java.util.Locale;

/** Where sessions live: Django's {@code SESSION_ENGINE} for cache-backed sessions. */
public enum SessionEngine {
  /** Only in the cache ({@code django.contrib.sessions.backends.cache}): a flush loses them. */
  CACHE("cache", "django.contrib.sessions.cache"),

  /**
   * Written through to a durable cache (a {@code db} cache) and read from the fast cache first
   * ({@code django.contrib.sessions.backends.cached_db}): sessions survive a flush or restart of
   * the fast cache, and while it is down they are read from and written to the database.
   */
  CACHED_DB("cached_db", "django.contrib.sessions.cached_db");

  private final String shortName;
  private final String keyPrefix;

  SessionEngine(String shortName, String keyPrefix) {
    this.shortName = shortName;
    this.keyPrefix = keyPrefix;
  }

  /** {@code cache} or {@code cached_db}. */
  public String shortName() {
    return shortName;
  }

  /** Django's {@code KEY_PREFIX}: a session is stored under this prefix + its key, no separator. */
  String keyPrefix() {
    return keyPrefix;
  }

  /**
   * The engine named {@code name}: {@code cache}, {@code cached_db}, or Django's dotted paths
   * {@code django.contrib.sessions.backends.cache} and {@code ….cached_db}.
   *
   * @throws InvalidConfigurationException for any other name, listing the accepted ones
   */
  public static SessionEngine of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (SessionEngine engine : values()) {
      if (n.equals(engine.shortName) || n.equals("django.contrib.sessions.backends." + engine.shortName)) {
        return engine;
      }
    }
    throw new InvalidConfigurationException(
        "Sessions: setting 'engine' has the value '"
            + name
            + "'; accepted: cache, cached_db, django.contrib.sessions.backends.cache,"
            + " django.contrib.sessions.backends.cached_db.");
  }
}
