package io.larder.web.session;

import io.larder.InvalidConfigurationException;
import java.util.Locale;

/**
 * Where sessions live: Django's {@code SESSION_ENGINE}.
 *
 * @since 0.1
 */
public enum SessionEngine {
  /** Only in the cache ({@code django.contrib.sessions.backends.cache}): a flush loses them. */
  CACHE("cache", "django.contrib.sessions.cache"),

  /**
   * Written through to a durable cache (a {@code db} cache) and read from the fast cache first
   * ({@code django.contrib.sessions.backends.cached_db}): sessions survive a flush or restart of
   * the fast cache, and while it is down they are read from and written to the database.
   */
  CACHED_DB("cached_db", "django.contrib.sessions.cached_db"),

  /**
   * Django's default engine ({@code django.contrib.sessions.backends.db}): Django's own {@code
   * django_session} table in the database of a {@code db} cache ({@code database_alias}), the data
   * signed with {@code secret_key} as Django signs it, so a Django app on that database shares the
   * sessions. Needs {@code larder-jdbc}.
   */
  DB("db", ""),

  /**
   * The session in its cookie, signed with {@code secret_key} as Django signs it ({@code
   * django.contrib.sessions.backends.signed_cookies}): nothing is stored on the server.
   */
  SIGNED_COOKIES("signed_cookies", "");

  private final String shortName;
  private final String keyPrefix;

  SessionEngine(String shortName, String keyPrefix) {
    this.shortName = shortName;
    this.keyPrefix = keyPrefix;
  }

  /**
   * The engine's short name, as the {@code engine} setting accepts it.
   *
   * @return {@code cache}, {@code cached_db}, {@code db} or {@code signed_cookies}
   */
  public String shortName() {
    return shortName;
  }

  /**
   * Django's {@code KEY_PREFIX} of the cache engines: a session is stored under this prefix + its
   * key, no separator. Empty for the engines that keep no session in a cache.
   */
  String keyPrefix() {
    return keyPrefix;
  }

  /** True for the engines whose data Django signs with {@code SECRET_KEY}. */
  boolean isSigned() {
    return this == DB || this == SIGNED_COOKIES;
  }

  /**
   * The engine named {@code name}: {@code cache}, {@code cached_db}, {@code db}, {@code
   * signed_cookies}, or Django's dotted paths {@code django.contrib.sessions.backends.cache}, {@code
   * ….cached_db}, {@code ….db} and {@code ….signed_cookies}.
   *
   * @param name a short name or a dotted path, in any case, with spaces around ignored
   * @return the engine
   * @throws InvalidConfigurationException for null or any other name, listing the accepted ones
   */
  public static SessionEngine of(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (SessionEngine engine : values()) {
      if (n.equals(engine.shortName)
          || n.equals("django.contrib.sessions.backends." + engine.shortName)) {
        return engine;
      }
    }
    throw new InvalidConfigurationException(
        "Sessions: setting 'engine' has the value '"
            + name
            + "'; accepted: cache, cached_db, db, signed_cookies, or Django's"
            + " django.contrib.sessions.backends.cache, .cached_db, .db, .signed_cookies.");
  }
}
