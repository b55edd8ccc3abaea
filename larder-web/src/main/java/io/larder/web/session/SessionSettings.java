package io.larder.web.session;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How sessions are stored and what their cookie looks like: Django's {@code SESSION_*} settings,
 * with Django's defaults.
 *
 * <pre>{@code
 * SessionSettings settings = SessionSettings.builder()
 *     .engine(SessionEngine.CACHED_DB)
 *     .cacheAlias("default")            // SESSION_CACHE_ALIAS
 *     .databaseAlias("sessions_db")     // a db cache: the durable copy
 *     .cookieSecure(true)
 *     .build();
 * // or from Django's names: SessionSettings.from(Map.of("SESSION_ENGINE", "cached_db", ...))
 * }</pre>
 *
 * <p>Immutable; every value is checked when it is set, and {@link Builder#build()} checks the
 * combination (a {@code cached_db} engine needs a database alias, {@code SameSite=None} needs
 * {@code Secure}).
 */
public final class SessionSettings {
  /** Django's {@code SESSION_COOKIE_AGE}: two weeks. */
  public static final Duration DEFAULT_AGE = Duration.ofDays(14);

  private static final Set<String> SAME_SITE = Set.of("Strict", "Lax", "None");

  private final SessionEngine engine;
  private final String cacheAlias;
  private final String databaseAlias;
  private final String cookieName;
  private final String cookieDomain;
  private final String cookiePath;
  private final boolean cookieSecure;
  private final boolean cookieHttpOnly;
  private final String cookieSameSite;
  private final Duration age;
  private final boolean expireAtBrowserClose;
  private final boolean saveEveryRequest;

  private SessionSettings(Builder b) {
    this.engine = b.engine;
    this.cacheAlias = b.cacheAlias;
    this.databaseAlias = b.databaseAlias;
    this.cookieName = b.cookieName;
    this.cookieDomain = b.cookieDomain;
    this.cookiePath = b.cookiePath;
    this.cookieSecure = b.cookieSecure;
    this.cookieHttpOnly = b.cookieHttpOnly;
    this.cookieSameSite = b.cookieSameSite;
    this.age = b.age;
    this.expireAtBrowserClose = b.expireAtBrowserClose;
    this.saveEveryRequest = b.saveEveryRequest;
  }

  /** Django's defaults: the {@code cache} engine on {@code default}, cookie {@code sessionid}. */
  public static SessionSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings from a map in Django's names ({@code SESSION_ENGINE}, {@code SESSION_CACHE_ALIAS},
   * {@code SESSION_COOKIE_AGE}, …) or the same names in lower case without {@code session_} ({@code
   * engine}, {@code cache_alias}, {@code cookie_age}, …), as a YAML {@code sessions:} section gives
   * them. {@code database_alias} names the durable cache of {@code cached_db}.
   *
   * @throws InvalidConfigurationException for an unknown setting or a wrong value
   */
  public static SessionSettings from(Map<String, ?> settings) {
    Builder b = builder();
    for (Map.Entry<String, ?> entry : settings.entrySet()) {
      String name = entry.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("session_")) {
        name = name.substring("session_".length());
      }
      Object value = entry.getValue();
      switch (name) {
        case "engine" -> b.engine(SessionEngine.of(text(name, value)));
        case "cache_alias" -> b.cacheAlias(text(name, value));
        case "database_alias" -> b.databaseAlias(text(name, value));
        case "cookie_name" -> b.cookieName(text(name, value));
        case "cookie_domain" -> b.cookieDomain(value == null ? null : text(name, value));
        case "cookie_path" -> b.cookiePath(text(name, value));
        case "cookie_secure" -> b.cookieSecure(bool(name, value));
        case "cookie_httponly" -> b.cookieHttpOnly(bool(name, value));
        case "cookie_samesite" -> b.cookieSameSite(value == null ? null : text(name, value));
        case "cookie_age" -> b.age(Duration.ofSeconds(seconds(name, value)));
        case "expire_at_browser_close" -> b.expireAtBrowserClose(bool(name, value));
        case "save_every_request" -> b.saveEveryRequest(bool(name, value));
        default ->
            throw bad(
                entry.getKey(),
                value,
                "engine, cache_alias, database_alias, cookie_name, cookie_domain, cookie_path,"
                    + " cookie_secure, cookie_httponly, cookie_samesite, cookie_age,"
                    + " expire_at_browser_close, save_every_request (or Django's SESSION_* names)");
      }
    }
    return b.build();
  }

  /** {@code SESSION_ENGINE}; default {@link SessionEngine#CACHE}. */
  public SessionEngine engine() {
    return engine;
  }

  /** {@code SESSION_CACHE_ALIAS}: the cache sessions are read from; default {@code default}. */
  public String cacheAlias() {
    return cacheAlias;
  }

  /** The durable cache ({@code db} backend) of {@code cached_db}; empty for {@code cache}. */
  public Optional<String> databaseAlias() {
    return Optional.ofNullable(databaseAlias);
  }

  /** {@code SESSION_COOKIE_NAME}; default {@code sessionid}. */
  public String cookieName() {
    return cookieName;
  }

  /** {@code SESSION_COOKIE_DOMAIN}; default none (the cookie is for the request's host only). */
  public Optional<String> cookieDomain() {
    return Optional.ofNullable(cookieDomain);
  }

  /** {@code SESSION_COOKIE_PATH}; default {@code /}. */
  public String cookiePath() {
    return cookiePath;
  }

  /** {@code SESSION_COOKIE_SECURE}; default false. */
  public boolean cookieSecure() {
    return cookieSecure;
  }

  /** {@code SESSION_COOKIE_HTTPONLY}; default true. */
  public boolean cookieHttpOnly() {
    return cookieHttpOnly;
  }

  /** {@code SESSION_COOKIE_SAMESITE}: {@code Strict}, {@code Lax} (the default) or {@code None}. */
  public Optional<String> cookieSameSite() {
    return Optional.ofNullable(cookieSameSite);
  }

  /** {@code SESSION_COOKIE_AGE}: how long a session lives after it was last saved; two weeks. */
  public Duration age() {
    return age;
  }

  /** {@link #age()} in whole seconds, as sessions and cookies carry it. */
  int ageSeconds() {
    return (int) Math.min(Integer.MAX_VALUE, age.toSeconds());
  }

  /** {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}: a cookie without an expiry; default false. */
  public boolean expireAtBrowserClose() {
    return expireAtBrowserClose;
  }

  /** {@code SESSION_SAVE_EVERY_REQUEST}: save (and extend) the session on every request. */
  public boolean saveEveryRequest() {
    return saveEveryRequest;
  }

  @Override
  public String toString() {
    return "SessionSettings[engine="
        + engine.shortName()
        + ", cache="
        + cacheAlias
        + (databaseAlias == null ? "" : ", database=" + databaseAlias)
        + ", cookie="
        + cookieName
        + ", age="
        + age.toSeconds()
        + "s]";
  }

  private static InvalidConfigurationException bad(String setting, Object value, String accepted) {
    return new InvalidConfigurationException(
        "Sessions: setting '"
            + setting
            + "' has the value "
            + (value instanceof String ? "'" + value + "'" : String.valueOf(value))
            + "; accepted: "
            + accepted
            + ".");
  }

  private static String text(String setting, Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw bad(setting, value, "a non-empty string");
  }

  private static boolean bool(String setting, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw bad(setting, value, "true or false");
  }

  private static long seconds(String setting, Object value) {
    try {
      long seconds =
          value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
      if (seconds > 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw bad(setting, value, "a positive number of seconds");
  }

  /** Builds {@link SessionSettings}; starts from Django's defaults. */
  public static final class Builder {
    private SessionEngine engine = SessionEngine.CACHE;
    private String cacheAlias = Caches.DEFAULT_ALIAS;
    private String databaseAlias;
    private String cookieName = "sessionid";
    private String cookieDomain;
    private String cookiePath = "/";
    private boolean cookieSecure;
    private boolean cookieHttpOnly = true;
    private String cookieSameSite = "Lax";
    private Duration age = DEFAULT_AGE;
    private boolean expireAtBrowserClose;
    private boolean saveEveryRequest;

    private Builder() {}

    public Builder engine(SessionEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    public Builder cacheAlias(String alias) {
      this.cacheAlias = nonBlank("cache_alias", alias);
      return this;
    }

    /** The durable cache of {@code cached_db}: an alias with the {@code db} backend. */
    public Builder databaseAlias(String alias) {
      this.databaseAlias = nonBlank("database_alias", alias);
      return this;
    }

    public Builder cookieName(String name) {
      nonBlank("cookie_name", name);
      if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
        throw bad("cookie_name", name, "a cookie name (letters, digits and !#$%&'*+-.^_`|~)");
      }
      this.cookieName = name;
      return this;
    }

    /** A domain such as {@code .example.com}, or null for the request's host only. */
    public Builder cookieDomain(String domain) {
      if (domain != null && !domain.matches("\\.?[A-Za-z0-9.-]+")) {
        throw bad("cookie_domain", domain, "a domain name such as .example.com, or null");
      }
      this.cookieDomain = domain;
      return this;
    }

    public Builder cookiePath(String path) {
      if (path == null || !path.startsWith("/") || path.matches(".*[;\\s].*")) {
        throw bad("cookie_path", path, "a path starting with / without ';' or spaces");
      }
      this.cookiePath = path;
      return this;
    }

    public Builder cookieSecure(boolean secure) {
      this.cookieSecure = secure;
      return this;
    }

    public Builder cookieHttpOnly(boolean httpOnly) {
      this.cookieHttpOnly = httpOnly;
      return this;
    }

    /** {@code Strict}, {@code Lax} or {@code None} (any case), or null to send no attribute. */
    public Builder cookieSameSite(String sameSite) {
      if (sameSite == null) {
        this.cookieSameSite = null;
        return this;
      }
      for (String accepted : SAME_SITE) {
        if (accepted.equalsIgnoreCase(sameSite.strip())) {
          this.cookieSameSite = accepted;
          return this;
        }
      }
      throw bad("cookie_samesite", sameSite, "Strict, Lax, None, or null for no attribute");
    }

    /** How long a session lives after it was last saved; positive. */
    public Builder age(Duration age) {
      if (age == null || age.isNegative() || age.isZero()) {
        throw bad("cookie_age", age, "a positive duration");
      }
      this.age = age;
      return this;
    }

    public Builder expireAtBrowserClose(boolean expireAtBrowserClose) {
      this.expireAtBrowserClose = expireAtBrowserClose;
      return this;
    }

    public Builder saveEveryRequest(boolean saveEveryRequest) {
      this.saveEveryRequest = saveEveryRequest;
      return this;
    }

    /**
     * The settings.
     *
     * @throws InvalidConfigurationException if {@code cached_db} has no database alias, the
     *     database alias is the cache alias, or {@code SameSite=None} is not {@code Secure}
     */
    public SessionSettings build() {
      if (engine == SessionEngine.CACHED_DB && databaseAlias == null) {
        throw bad(
            "database_alias", null, "the alias of a db cache, required by the cached_db engine");
      }
      if (databaseAlias != null && databaseAlias.equals(cacheAlias)) {
        throw bad(
            "database_alias",
            databaseAlias,
            "an alias other than cache_alias '" + cacheAlias + "': the durable copy needs its own");
      }
      if ("None".equals(cookieSameSite) && !cookieSecure) {
        throw bad(
            "cookie_samesite",
            "None",
            "None only with cookie_secure: true (browsers reject SameSite=None without Secure)");
      }
      return new SessionSettings(this);
    }

    private static String nonBlank(String setting, String value) {
      if (value == null || value.isBlank()) {
        throw bad(setting, value, "a non-empty string");
      }
      return value;
    }
  }
}
