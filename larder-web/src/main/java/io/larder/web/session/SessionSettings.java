package io.larder.web.session;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.web.WebSetting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

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
 *
 * // Django's default engine, sharing django_session with a Django app on the same database:
 * SessionSettings shared = SessionSettings.builder()
 *     .engine(SessionEngine.DB)
 *     .databaseAlias("django_db")           // a db cache on the Django app's database
 *     .secretKey(System.getenv("DJANGO_SECRET_KEY"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; every value is checked when it is set, and {@link Builder#build()} checks the
 * combination (a {@code cached_db} or {@code db} engine needs a database alias, {@code db} and {@code
 * signed_cookies} need the secret key, {@code SameSite=None} needs {@code Secure}). The secret keys
 * are never printed: {@link #toString()} and every error leave them out.
 *
 * @since 0.1
 */
public final class SessionSettings {
  /** Django's {@code SESSION_COOKIE_AGE}: two weeks. */
  public static final Duration DEFAULT_AGE = Duration.ofDays(14);

  private static final String NON_EMPTY = "a non-empty string";
  private static final String SECRET =
      "a non-empty string (an environment variable named by a *_env setting must be set)";

  private static final Set<String> SAME_SITE = Set.of("Strict", "Lax", "None");

  /**
   * Every session setting, declared once, in the lower-case names of a YAML {@code sessions:}
   * section ({@link #from(Map)} also takes Django's {@code SESSION_*} names); {@code
   * larder.web.sessions.*} in Spring Boot and the table in docs/sessions.md are this list.
   */
  public static final List<WebSetting<Reading>> SETTINGS =
      List.of(
          WebSetting.of(
                  "engine",
                  "name",
                  "cache",
                  "cache, cached_db, db, signed_cookies, or Django's dotted names",
                  "where sessions are kept",
                  raw -> SessionEngine.of(text(raw)),
                  set(Builder::engine))
              .django("SESSION_ENGINE"),
          WebSetting.of(
                  "cache_alias",
                  "alias",
                  Caches.DEFAULT_ALIAS,
                  NON_EMPTY,
                  "the cache sessions are read from",
                  SessionSettings::text,
                  set(Builder::cacheAlias))
              .django("SESSION_CACHE_ALIAS"),
          WebSetting.of(
              "database_alias",
              "alias",
              "none",
              NON_EMPTY,
              "the durable db cache of cached_db, or the db cache whose database holds"
                  + " django_session for db (required by both)",
              SessionSettings::text,
              set(Builder::databaseAlias)),
          WebSetting.of(
                  "secret_key",
                  "text",
                  "none",
                  SECRET,
                  "signs db and signed_cookies sessions (required by both); never logged",
                  SessionSettings::secret,
                  set(Builder::secretKey))
              .secret()
              .django("SECRET_KEY"),
          WebSetting.of(
                  "secret_key_fallbacks",
                  "list",
                  "[]",
                  "a list of non-empty strings",
                  "older keys that still verify sessions, for rotation",
                  SessionSettings::secrets,
                  set(Builder::secretKeyFallbacks))
              .secret()
              .django("SECRET_KEY_FALLBACKS"),
          WebSetting.of(
              "secret_key_env",
              "name",
              "none",
              NON_EMPTY,
              "an environment variable to read secret_key from",
              SessionSettings::text,
              (Reading r, String variable) ->
                  r.builder.secretKey(secret("secret_key_env", r.environment.get(variable)))),
          WebSetting.of(
              "secret_key_fallbacks_env",
              "name",
              "none",
              NON_EMPTY,
              "an environment variable to read secret_key_fallbacks from, separated by commas",
              SessionSettings::text,
              (Reading r, String variable) -> {
                String value = r.environment.get(variable);
                r.builder.secretKeyFallbacks(
                    value == null || value.isBlank()
                        ? List.of()
                        : secrets("secret_key_fallbacks_env", List.of(value.split(","))));
              }),
          WebSetting.of(
                  "cookie_name",
                  "text",
                  "sessionid",
                  "a cookie name (letters, digits and !#$%&'*+-.^_`|~)",
                  "the session cookie's name",
                  SessionSettings::text,
                  set(Builder::cookieName))
              .django("SESSION_COOKIE_NAME"),
          WebSetting.seconds(
                  "cookie_age",
                  String.valueOf(DEFAULT_AGE.toSeconds()),
                  1,
                  "how long a session lives after it was last saved (two weeks); the cookie's"
                      + " Max-Age",
                  set(Builder::age))
              .django("SESSION_COOKIE_AGE"),
          WebSetting.of(
                  "cookie_domain",
                  "text",
                  "none",
                  "a domain name such as .example.com, or null",
                  "the cookie's domain; none sends it to the request's host only",
                  SessionSettings::textOrNull,
                  set(Builder::cookieDomain))
              .django("SESSION_COOKIE_DOMAIN"),
          WebSetting.of(
                  "cookie_path",
                  "text",
                  "/",
                  "a path starting with / without ';' or spaces",
                  "the cookie's path",
                  SessionSettings::text,
                  set(Builder::cookiePath))
              .django("SESSION_COOKIE_PATH"),
          WebSetting.flag(
                  "cookie_secure",
                  false,
                  "the cookie is sent over HTTPS only",
                  set(Builder::cookieSecure))
              .django("SESSION_COOKIE_SECURE"),
          WebSetting.flag(
                  "cookie_httponly",
                  true,
                  "scripts cannot read the cookie",
                  set(Builder::cookieHttpOnly))
              .django("SESSION_COOKIE_HTTPONLY"),
          WebSetting.of(
                  "cookie_samesite",
                  "text",
                  "Lax",
                  "Strict, Lax, None (needs cookie_secure), or null for no attribute",
                  "the cookie's SameSite attribute",
                  SessionSettings::textOrNull,
                  set(Builder::cookieSameSite))
              .django("SESSION_COOKIE_SAMESITE"),
          WebSetting.flag(
                  "expire_at_browser_close",
                  false,
                  "the cookie has no expiry; the session still expires after cookie_age",
                  set(Builder::expireAtBrowserClose))
              .django("SESSION_EXPIRE_AT_BROWSER_CLOSE"),
          WebSetting.flag(
                  "save_every_request",
                  false,
                  "the session is saved, and extended, on every request that carries it",
                  set(Builder::saveEveryRequest))
              .django("SESSION_SAVE_EVERY_REQUEST"));

  /** A builder method as a setting's effect. */
  private static <T> BiConsumer<Reading, T> set(BiConsumer<Builder, T> method) {
    return (reading, value) -> method.accept(reading.builder, value);
  }

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
  private final String secretKey;
  private final List<String> secretKeyFallbacks;

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
    this.secretKey = b.secretKey;
    this.secretKeyFallbacks = b.secretKeyFallbacks;
  }

  /**
   * Django's defaults: the {@code cache} engine on {@code default}, cookie {@code sessionid}.
   *
   * @return the default settings
   */
  public static SessionSettings defaults() {
    return builder().build();
  }

  /**
   * A builder that starts from Django's defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings from a map in Django's names ({@code SESSION_ENGINE}, {@code SESSION_CACHE_ALIAS},
   * {@code SESSION_COOKIE_AGE}, …) or the same names in lower case without {@code session_} ({@code
   * engine}, {@code cache_alias}, {@code cookie_age}, …), as a YAML {@code sessions:} section gives
   * them. {@code database_alias} names the durable cache of {@code cached_db}, or the {@code db}
   * cache whose database holds {@code django_session}. {@code SECRET_KEY} and {@code
   * SECRET_KEY_FALLBACKS} (or {@code secret_key}, {@code secret_key_fallbacks}) are Django's; {@code
   * secret_key_env} and {@code secret_key_fallbacks_env} name environment variables to read them
   * from instead (the fallbacks separated by commas), so that no secret sits in a file.
   *
   * @param settings values by setting name, in either spelling; an empty map gives the defaults
   * @return the settings
   * @throws InvalidConfigurationException for an unknown setting or a wrong value
   */
  public static SessionSettings from(Map<String, ?> settings) {
    return from(settings, System.getenv());
  }

  /**
   * {@link #from(Map)} with the errors for an unknown setting or a wrong value made by {@code
   * complaint}, which names where the value came from (e.g. the Spring Boot property).
   *
   * @param settings values by setting name, in either spelling; an empty map gives the defaults
   * @param complaint makes the error for an unknown setting or a wrong value
   * @return the settings
   * @throws RuntimeException {@code complaint}'s error for an unknown setting or a wrong value
   * @throws InvalidConfigurationException when the values together are inconsistent (see {@link
   *     Builder#build()})
   */
  public static SessionSettings from(Map<String, ?> settings, WebSetting.Complaint complaint) {
    return from(settings, System.getenv(), complaint);
  }

  /** {@link #from(Map)} with {@code environment} in place of the process's. */
  static SessionSettings from(Map<String, ?> settings, Map<String, String> environment) {
    return from(settings, environment, SessionSettings::bad);
  }

  private static SessionSettings from(
      Map<String, ?> settings, Map<String, String> environment, WebSetting.Complaint complaint) {
    Map<String, Object> named = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : settings.entrySet()) {
      String name = withoutSessionPrefix(entry.getKey());
      if (WebSetting.named(SETTINGS, name).isEmpty()) {
        throw complaint.of(
            entry.getKey(),
            entry.getValue(),
            WebSetting.names(SETTINGS) + " (or Django's SESSION_* names)");
      }
      named.put(name, entry.getValue());
    }
    Reading reading = new Reading(builder(), environment);
    WebSetting.applyAll(SETTINGS, named, reading, complaint);
    return reading.builder.build();
  }

  private static String withoutSessionPrefix(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith("session_") ? lower.substring("session_".length()) : lower;
  }

  /**
   * {@code SESSION_ENGINE}; default {@link SessionEngine#CACHE}.
   *
   * @return the engine
   */
  public SessionEngine engine() {
    return engine;
  }

  /**
   * {@code SESSION_CACHE_ALIAS}: the cache sessions are read from; default {@code default}.
   *
   * @return the cache alias
   */
  public String cacheAlias() {
    return cacheAlias;
  }

  /**
   * The durable cache ({@code db} backend) of {@code cached_db}, or the {@code db} cache whose
   * database holds {@code django_session} for {@code db}; empty for the others.
   *
   * @return the database alias, or empty when none is set
   */
  public Optional<String> databaseAlias() {
    return Optional.ofNullable(databaseAlias);
  }

  /**
   * {@code SESSION_COOKIE_NAME}; default {@code sessionid}.
   *
   * @return the cookie name
   */
  public String cookieName() {
    return cookieName;
  }

  /**
   * {@code SESSION_COOKIE_DOMAIN}; default none (the cookie is for the request's host only).
   *
   * @return the domain, or empty for the request's host only
   */
  public Optional<String> cookieDomain() {
    return Optional.ofNullable(cookieDomain);
  }

  /**
   * {@code SESSION_COOKIE_PATH}; default {@code /}.
   *
   * @return the cookie path, starting with {@code /}
   */
  public String cookiePath() {
    return cookiePath;
  }

  /**
   * {@code SESSION_COOKIE_SECURE}; default false.
   *
   * @return true if the cookie is sent over HTTPS only
   */
  public boolean cookieSecure() {
    return cookieSecure;
  }

  /**
   * {@code SESSION_COOKIE_HTTPONLY}; default true.
   *
   * @return true if the cookie is hidden from scripts
   */
  public boolean cookieHttpOnly() {
    return cookieHttpOnly;
  }

  /**
   * {@code SESSION_COOKIE_SAMESITE}: {@code Strict}, {@code Lax} (the default) or {@code None}.
   *
   * @return the attribute's value as spelled above, or empty when the cookie gets no attribute
   */
  public Optional<String> cookieSameSite() {
    return Optional.ofNullable(cookieSameSite);
  }

  /**
   * {@code SESSION_COOKIE_AGE}: how long a session lives after it was last saved; two weeks.
   *
   * @return the age, positive
   */
  public Duration age() {
    return age;
  }

  /** {@link #age()} in whole seconds, as sessions and cookies carry it. */
  int ageSeconds() {
    return (int) Math.min(Integer.MAX_VALUE, age.toSeconds());
  }

  /**
   * {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}: a cookie without an expiry; default false.
   *
   * @return true if the cookie is sent without an expiry
   */
  public boolean expireAtBrowserClose() {
    return expireAtBrowserClose;
  }

  /**
   * {@code SESSION_SAVE_EVERY_REQUEST}: save (and extend) the session on every request; default
   * false.
   *
   * @return true if the session is saved on every request, false if only when it changed
   */
  public boolean saveEveryRequest() {
    return saveEveryRequest;
  }

  /** Django's {@code SECRET_KEY}, which signs {@code db} and {@code signed_cookies} sessions. */
  String secretKey() {
    return secretKey;
  }

  /** Django's {@code SECRET_KEY_FALLBACKS}: older keys that still verify, for rotation. */
  List<String> secretKeyFallbacks() {
    return secretKeyFallbacks;
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

  /**
   * What the settings read so far have set, and the environment {@code *_env} settings read from.
   */
  public static final class Reading {
    private final Builder builder;
    private final Map<String, String> environment;

    private Reading(Builder builder, Map<String, String> environment) {
      this.builder = builder;
      this.environment = environment;
    }
  }

  /** A secret's value is never shown in the error. */
  private static String secret(String setting, Object value) {
    try {
      return secret(value);
    } catch (IllegalArgumentException e) {
      throw bad(setting, value == null ? null : "(hidden)", SECRET);
    }
  }

  private static String secret(Object value) {
    if (value instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new IllegalArgumentException(SECRET);
  }

  private static List<String> secrets(String setting, Object value) {
    try {
      return secrets(value);
    } catch (IllegalArgumentException e) {
      throw bad(setting, value == null ? null : "(hidden)", e.getMessage());
    }
  }

  private static List<String> secrets(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException("a list of non-empty strings");
    }
    List<String> keys = new ArrayList<>();
    for (Object item : list) {
      keys.add(secret(item instanceof String s ? s.strip() : item));
    }
    return List.copyOf(keys);
  }

  private static String text(Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new IllegalArgumentException(NON_EMPTY);
  }

  private static String textOrNull(Object value) {
    return value == null ? null : text(value);
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
    private String secretKey;
    private List<String> secretKeyFallbacks = List.of();

    private Builder() {}

    /**
     * {@code SESSION_ENGINE}: where sessions are kept.
     *
     * @param engine the engine; not null
     * @return this builder
     */
    public Builder engine(SessionEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /**
     * {@code SESSION_CACHE_ALIAS}: the cache sessions are read from and written to.
     *
     * @param alias a cache alias; not null nor blank
     * @return this builder
     * @throws InvalidConfigurationException when {@code alias} is null or blank
     */
    public Builder cacheAlias(String alias) {
      this.cacheAlias = nonBlank("cache_alias", alias);
      return this;
    }

    /**
     * The durable cache of {@code cached_db}: an alias with the {@code db} backend.
     *
     * @param alias the alias of a {@code db} cache; not null nor blank
     * @return this builder
     * @throws InvalidConfigurationException when {@code alias} is null or blank
     */
    public Builder databaseAlias(String alias) {
      this.databaseAlias = nonBlank("database_alias", alias);
      return this;
    }

    /**
     * {@code SESSION_COOKIE_NAME}: the name of the cookie that carries the session key.
     *
     * @param name a cookie name: letters, digits and {@code !#$%&'*+-.^_`|~}
     * @return this builder
     * @throws InvalidConfigurationException when {@code name} is null, blank or holds any other
     *     character
     */
    public Builder cookieName(String name) {
      nonBlank("cookie_name", name);
      if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
        throw bad("cookie_name", name, "a cookie name (letters, digits and !#$%&'*+-.^_`|~)");
      }
      this.cookieName = name;
      return this;
    }

    /**
     * {@code SESSION_COOKIE_DOMAIN}: the domain the cookie is sent to.
     *
     * @param domain a domain such as {@code .example.com}, or null for the request's host only
     * @return this builder
     * @throws InvalidConfigurationException when {@code domain} is not a domain name
     */
    public Builder cookieDomain(String domain) {
      if (domain != null && !domain.matches("\\.?[A-Za-z0-9.-]+")) {
        throw bad("cookie_domain", domain, "a domain name such as .example.com, or null");
      }
      this.cookieDomain = domain;
      return this;
    }

    /**
     * {@code SESSION_COOKIE_PATH}: the paths the cookie is sent for.
     *
     * @param path a path starting with {@code /}, without {@code ;} or spaces
     * @return this builder
     * @throws InvalidConfigurationException when {@code path} is null or not such a path
     */
    public Builder cookiePath(String path) {
      if (path == null || !path.startsWith("/") || path.matches(".*[;\\s].*")) {
        throw bad("cookie_path", path, "a path starting with / without ';' or spaces");
      }
      this.cookiePath = path;
      return this;
    }

    /**
     * {@code SESSION_COOKIE_SECURE}.
     *
     * @param secure true to send the cookie over HTTPS only
     * @return this builder
     */
    public Builder cookieSecure(boolean secure) {
      this.cookieSecure = secure;
      return this;
    }

    /**
     * {@code SESSION_COOKIE_HTTPONLY}.
     *
     * @param httpOnly true to hide the cookie from scripts
     * @return this builder
     */
    public Builder cookieHttpOnly(boolean httpOnly) {
      this.cookieHttpOnly = httpOnly;
      return this;
    }

    /**
     * {@code SESSION_COOKIE_SAMESITE}.
     *
     * @param sameSite {@code Strict}, {@code Lax} or {@code None} (any case), or null to send no
     *     attribute
     * @return this builder
     * @throws InvalidConfigurationException for any other value
     */
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

    /**
     * {@code SESSION_COOKIE_AGE}: how long a session lives after it was last saved.
     *
     * @param age positive; Django's setting counts it in seconds
     * @return this builder
     * @throws InvalidConfigurationException when {@code age} is null, zero or negative
     */
    public Builder age(Duration age) {
      if (age == null || age.isNegative() || age.isZero()) {
        throw bad("cookie_age", age, "a positive duration");
      }
      this.age = age;
      return this;
    }

    /**
     * {@code SESSION_EXPIRE_AT_BROWSER_CLOSE}.
     *
     * @param expireAtBrowserClose true to send the cookie without an expiry, so that the browser
     *     drops it when it closes
     * @return this builder
     */
    public Builder expireAtBrowserClose(boolean expireAtBrowserClose) {
      this.expireAtBrowserClose = expireAtBrowserClose;
      return this;
    }

    /**
     * {@code SESSION_SAVE_EVERY_REQUEST}.
     *
     * @param saveEveryRequest true to save (and extend) the session on every request, false to
     *     save it only when it changed
     * @return this builder
     */
    public Builder saveEveryRequest(boolean saveEveryRequest) {
      this.saveEveryRequest = saveEveryRequest;
      return this;
    }

    /**
     * Django's {@code SECRET_KEY}, which signs the sessions of the {@code db} and {@code
     * signed_cookies} engines; it must be the Django app's for the two to share sessions. Never
     * printed.
     *
     * @param secretKey the key; not null nor empty
     * @return this builder
     * @throws InvalidConfigurationException when {@code secretKey} is null or empty (the error
     *     hides the value)
     */
    public Builder secretKey(String secretKey) {
      this.secretKey = secret("secret_key", secretKey);
      return this;
    }

    /**
     * Django's {@code SECRET_KEY_FALLBACKS}: keys that verify sessions signed before a rotation
     * ({@code secretKey} signs every new one). Never printed.
     *
     * @param fallbacks the older keys, each non-empty (stripped of spaces); an empty list for none
     * @return this builder
     * @throws InvalidConfigurationException when {@code fallbacks} is null or holds an empty key
     *     (the error hides the values)
     */
    public Builder secretKeyFallbacks(List<String> fallbacks) {
      this.secretKeyFallbacks = secrets("secret_key_fallbacks", fallbacks);
      return this;
    }

    /**
     * The settings.
     *
     * @return the settings, immutable
     * @throws InvalidConfigurationException if {@code cached_db} or {@code db} has no database
     *     alias, {@code db} or {@code signed_cookies} has no secret key, the database alias is the
     *     cache alias, or {@code SameSite=None} is not {@code Secure}
     */
    public SessionSettings build() {
      if ((engine == SessionEngine.CACHED_DB || engine == SessionEngine.DB)
          && databaseAlias == null) {
        throw bad(
            "database_alias",
            null,
            "the alias of a db cache, required by the " + engine.shortName() + " engine");
      }
      if (engine.isSigned() && secretKey == null) {
        throw bad(
            "secret_key",
            null,
            "Django's SECRET_KEY (secret_key, or secret_key_env naming an environment variable),"
                + " required by the "
                + engine.shortName()
                + " engine, which signs sessions with it");
      }
      if (engine != SessionEngine.DB && databaseAlias != null && databaseAlias.equals(cacheAlias)) {
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
