package io.larder.web.session;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.jdbc.DjangoSessionTable;
import io.larder.spi.CommonOptions;
import io.larder.web.response.HeldResponse;
import io.larder.web.response.VaryRecord;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code HttpSession}s: Django's {@code SessionMiddleware} with the {@code cache}, {@code
 * cached_db}, {@code db} and {@code signed_cookies} engines, as a servlet filter. Behind it, {@code
 * request.getSession()} returns a session stored where the engine keeps it (a Larder cache,
 * Django's {@code django_session} table, or the signed cookie), never the container's.
 *
 * <pre>{@code
 * Caches caches = Caches.load(Path.of("larder.yml"));
 * SessionFilter sessions = new SessionFilter(caches, SessionSettings.builder()
 *     .engine(SessionEngine.CACHED_DB).databaseAlias("sessions_db").build());
 * context.addFilter(new FilterHolder(sessions), "/*", EnumSet.of(DispatcherType.REQUEST));
 *
 * // in a servlet:
 * HttpSession session = request.getSession();
 * session.setAttribute("cart", cart);
 * SessionLogin.login(request, user.id());    // after a login, against session fixation
 * }</pre>
 *
 * <p>The contract:
 *
 * <ul>
 *   <li>A session key is 32 characters of {@code [a-z0-9]} from {@link java.security.SecureRandom}.
 *       A cookie whose key is unknown, forged or expired gets a new, empty session with a new key:
 *       a key the client chose is never adopted.
 *   <li>A session is written only when it was created or changed ({@code setAttribute}, {@code
 *       removeAttribute}, {@code setMaxInactiveInterval}, {@code changeSessionId}), or on every
 *       request with {@code save_every_request}; it lives for its age after it was last written.
 *       Writes happen before the response is committed, so the next request sees them.
 *   <li>A login gives the session a new key, as Django's {@code login()}: {@code
 *       HttpServletRequest.login}/{@code logout} through this filter when the principal changes,
 *       {@code changeSessionId()} (Spring Security's session fixation protection), or {@link
 *       SessionLogin#login}.
 *   <li>{@code invalidate()} deletes the session from the cache and the database at once, and the
 *       response deletes the cookie. An expired session is never served.
 *   <li>A response of a request that looked at its session gets {@code Vary: Cookie}, so a page
 *       cache never serves one user's page to another.
 *   <li>With {@code cached_db}, a cache that is down or was flushed costs a database query; no
 *       session or write is lost. Attributes are written with the caches' serializers.
 * </ul>
 *
 * @since 0.1
 */
public final class SessionFilter implements Filter {
  /**
   * The request attribute set to {@code Boolean.TRUE} once the application looked at its session: a
   * view can tell whether its response depends on the session. (A page cache learns it from the
   * {@link VaryRecord}, which this filter adds {@code Cookie} to at the same moment.)
   */
  public static final String ACCESSED_ATTRIBUTE = "io.larder.web.session.accessed";

  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);
  private static final int CULLING_WARNING = 1_000_000;

  private final SessionSettings settings;
  private final SessionStore store;
  private final InstantSource clock;
  private final SessionCookies cookies;
  private final SessionRejections rejections = new SessionRejections();
  private ServletContext servletContext;

  /**
   * Sessions with Django's defaults: the {@code cache} engine on the {@code default} cache.
   *
   * @param caches the configured caches, holding {@code default}; not null
   * @throws InvalidConfigurationException if {@code default} is not configured
   */
  public SessionFilter(Caches caches) {
    this(caches, SessionSettings.defaults());
  }

  /**
   * Sessions in {@code caches} as {@code settings} say.
   *
   * @param caches the configured caches, holding the aliases {@code settings} name; not null
   * @param settings the session settings; not null
   * @throws InvalidConfigurationException if an alias is not configured, the durable cache of
   *     {@code cached_db} cannot keep sessions (a local-memory or dummy cache, or one that ignores
   *     its errors), or the database alias of {@code db} is not a {@code db} cache
   */
  public SessionFilter(Caches caches, SessionSettings settings) {
    Objects.requireNonNull(caches, "caches");
    this.settings = Objects.requireNonNull(settings, "settings");
    Cache cache = caches.get(settings.cacheAlias());
    this.clock = cache.settings().clock();
    String prefix = settings.engine().keyPrefix();
    int age = settings.ageSeconds();
    this.store =
        switch (settings.engine()) {
          case CACHE -> new CacheSessionStore(cache, prefix, clock, true, age);
          case CACHED_DB ->
              new CachedDbSessionStore(
                  new CacheSessionStore(cache, prefix, clock, true, age),
                  new CacheSessionStore(
                      durable(caches.get(settings.databaseAlias().orElseThrow())),
                      prefix,
                      clock,
                      false,
                      age));
          case DB ->
              new DatabaseSessionStore(
                  DjangoSessionTable.of(caches.get(settings.databaseAlias().orElseThrow())),
                  settings.secretKey(),
                  settings.secretKeyFallbacks(),
                  clock,
                  age,
                  rejections);
          case SIGNED_COOKIES ->
              new SignedCookieSessionStore(
                  settings.secretKey(), settings.secretKeyFallbacks(), clock, age, rejections);
        };
    this.cookies = new SessionCookies(settings);
  }

  /**
   * True if a session with this key exists and has not expired (Django's {@code
   * SessionStore.exists}), e.g. to show a user's other live sessions.
   *
   * @param sessionKey a session key, as the session cookie carries it
   * @return whether the session exists; false for a malformed key
   */
  public boolean exists(String sessionKey) {
    return store.isWellFormed(sessionKey) && store.load(sessionKey) != null;
  }

  /**
   * How many signed sessions ({@code db} rows, {@code signed_cookies} cookies) were refused because
   * their signature did not verify with the secret key or a fallback (tampered, or signed with a
   * key no longer configured), each answered with a fresh session and logged as a warning.
   *
   * @return the count since this filter was made; always 0 for the unsigned engines
   */
  public long tamperedSessions() {
    return rejections.tampered();
  }

  /**
   * How many signed sessions were refused because they had expired (a {@code db} row past its
   * {@code expire_date}, a cookie signed longer ago than the session age), each answered with a
   * fresh session and logged.
   *
   * @return the count since this filter was made; always 0 for the unsigned engines
   */
  public long expiredSessions() {
    return rejections.expired();
  }

  /**
   * The settings this filter was made with.
   *
   * @return the settings; the defaults for {@link #SessionFilter(Caches)}
   */
  public SessionSettings settings() {
    return settings;
  }

  /** Makes this filter's sessions readable by filters in front of it ({@link SessionLookup}). */
  @Override
  public void init(FilterConfig config) {
    servletContext = config.getServletContext();
    SessionLookup.register(servletContext, this);
  }

  @Override
  public void destroy() {
    if (servletContext != null) {
      SessionLookup.unregister(servletContext, this);
    }
  }

  /**
   * The attribute {@code name} of the live session {@code request}'s cookie names, read from the
   * store without touching the session, or null: for {@link SessionLookup} in front of this filter.
   */
  Object storedAttribute(HttpServletRequest request, String name) {
    String key = namedKey(request);
    if (key == null) {
      return null;
    }
    SessionRecord record = store.load(key);
    return record == null ? null : record.attributes().get(name);
  }

  /** The well-formed session key {@code request}'s cookie names, or null. */
  String namedKey(HttpServletRequest request) {
    String key = RequestSession.cookieValue(request, settings.cookieName());
    return store.isWellFormed(key) ? key : null;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse httpResponse)
        || request instanceof SessionRequest) {
      chain.doFilter(request, response);
      return;
    }
    RequestSession sessions =
        new RequestSession(settings, store, clock, cookies, http, httpResponse);
    HeldResponse held =
        HeldResponse.unbuffered(httpResponse, sessions::beforeCommit, sessions::afterReset);
    http.setAttribute(SessionLookup.BEHIND_ATTRIBUTE, Boolean.TRUE);
    try {
      chain.doFilter(new SessionRequest(http, sessions), held);
    } finally {
      http.removeAttribute(SessionLookup.BEHIND_ATTRIBUTE);
    }
    sessions.finish();
    // Its Set-Cookie and Vary: Cookie are on the response now: a page cache around this filter
    // sees them there.
    VaryRecord.remove(http, "Cookie");
    if (!http.isAsyncStarted()) {
      held.writeOut("HEAD".equals(http.getMethod()));
    }
  }

  private static Cache durable(Cache database) {
    String alias = database.settings().alias();
    String backend = database.settings().backend().toLowerCase(Locale.ROOT);
    if (backend.contains("locmem") || backend.contains("dummy")) {
      throw InvalidConfigurationException.badSetting(
          alias,
          "backend",
          database.settings().backend(),
          "a durable backend for the sessions' database copy: db (or filebased)");
    }
    if (CommonOptions.IGNORE_EXCEPTIONS.from(database.settings())) {
      throw InvalidConfigurationException.badSetting(
          alias,
          "options.ignore_exceptions",
          true,
          "false for the sessions' database copy, whose writes must not be dropped");
    }
    if (database.settings().maxEntries() < CULLING_WARNING) {
      log.warn(
          "Sessions: cache '{}' culls above max_entries {}; sessions would be deleted then. Set"
              + " options.max_entries above the number of live sessions.",
          alias,
          database.settings().maxEntries());
    }
    return database;
  }
}
