package io.larder.web.session;

import io.larder.web.headers.HttpCacheHeaders;
import io.larder.web.response.VaryRecord;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session side of one request: finds the session its cookie names, creates, rotates and
 * invalidates it, and before the response is committed writes it to the store and sets the cookie
 * and {@code Vary: Cookie} (Django's {@code SessionMiddleware.process_response}).
 */
final class RequestSession {
  private static final Logger log = LoggerFactory.getLogger(SessionFilter.class);
  private static final int CREATE_ATTEMPTS = 10;

  private final SessionSettings settings;
  private final SessionStore store;
  private final InstantSource clock;
  private final SessionCookies cookies;
  private final HttpServletRequest request;
  private final HttpServletResponse response;

  /** The cookie's value as sent, or null; never trusted as a key unless the store has it. */
  private final String requestedKey;

  private boolean resolved;
  private CacheSession session;
  private boolean requestedKeyValid;
  private boolean accessed;
  private boolean savedThisRequest;
  private boolean headersWritten;
  private String cookieSentFor;
  private boolean deletionSent;

  RequestSession(
      SessionSettings settings,
      SessionStore store,
      InstantSource clock,
      SessionCookies cookies,
      HttpServletRequest request,
      HttpServletResponse response) {
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.cookies = cookies;
    this.request = request;
    this.response = response;
    this.requestedKey = cookieValue(request, settings.cookieName());
  }

  ServletContext servletContext() {
    return request.getServletContext();
  }

  String requestedKey() {
    return requestedKey;
  }

  synchronized boolean isRequestedKeyValid() {
    accessed();
    resolve();
    boolean valid =
        requestedKeyValid
            && session != null
            && session.isValid()
            && requestedKey.equals(session.getId());
    afterHeaders();
    return valid;
  }

  /** {@code HttpServletRequest.getSession(create)}. */
  synchronized HttpSession getSession(boolean create) {
    accessed();
    resolve();
    if (session != null && session.isValid()) {
      afterHeaders();
      return session;
    }
    if (!create) {
      afterHeaders();
      return null;
    }
    requireUncommitted("create a session");
    session = new CacheSession(this, SessionKeys.generate(), clock.millis(), settings.ageSeconds());
    afterHeaders();
    return session;
  }

  /** {@code HttpServletRequest.changeSessionId()}: Django's {@code cycle_key}. */
  synchronized String changeSessionId() {
    accessed();
    resolve();
    if (session == null || !session.isValid()) {
      throw new IllegalStateException("changeSessionId: the request has no session");
    }
    requireUncommitted("change the session id");
    session.rotate(SessionKeys.generate());
    afterHeaders();
    return session.getId();
  }

  /**
   * The request's principal went from {@code before} to {@code after} (names, null for none): a
   * session that exists gets a new key, as Django's {@code login()} cycles it, so a key known
   * before the login opens nothing after it. A request without a session gets none.
   */
  synchronized void principalChanged(String before, String after) {
    if (Objects.equals(before, after)) {
      return;
    }
    resolve();
    if (session == null || !session.isValid()) {
      return;
    }
    accessed();
    if (response.isCommitted()) {
      log.warn(
          "Sessions: the principal of {} changed after the response was committed; the session"
              + " keeps its key",
          request.getRequestURI());
      return;
    }
    session.rotate(SessionKeys.generate());
    afterHeaders();
  }

  private void accessed() {
    if (!accessed) {
      accessed = true;
      request.setAttribute(SessionFilter.ACCESSED_ATTRIBUTE, Boolean.TRUE);
      // A page cache inside this filter cannot see the Vary: Cookie written at commit.
      VaryRecord.add(request, "Cookie");
    }
  }

  /** Called by {@link CacheSession#invalidate()}: the data goes from every store at once. */
  synchronized void invalidated(CacheSession invalid) {
    if (invalid.isStored()) {
      store.delete(invalid.getId());
    }
    if (invalid.previousKey() != null) {
      store.delete(invalid.previousKey());
    }
    afterHeaders();
  }

  /** Before the first byte of the body leaves: store the session, then write the headers. */
  synchronized void beforeCommit() {
    sync();
    headersWritten = true;
  }

  /** The response was reset, its headers with it: the ones already written are written again. */
  synchronized void afterReset() {
    cookieSentFor = null;
    deletionSent = false;
    if (headersWritten) {
      writeHeaders();
    }
  }

  /** After the application returned: store what changed since the headers were written. */
  synchronized void finish() {
    sync();
  }

  private void sync() {
    if (response.getStatus() >= 500) {
      // As Django: a failed request does not save the session it may have half changed, but its
      // response still varies on the cookie it looked at.
      if (accessed && !response.isCommitted()) {
        HttpCacheHeaders.patchVary(response, "Cookie");
      }
      return;
    }
    if (settings.saveEveryRequest() && requestedKey != null) {
      resolve();
    }
    save();
    if (response.isCommitted()) {
      warnIfCookieLost();
    } else {
      writeHeaders();
    }
  }

  private void resolve() {
    if (resolved) {
      return;
    }
    resolved = true;
    if (!store.isWellFormed(requestedKey)) {
      return;
    }
    SessionRecord record = store.load(requestedKey);
    if (record != null) {
      session = new CacheSession(this, requestedKey, record);
      requestedKeyValid = true;
    }
  }

  private void save() {
    if (session == null || !session.isValid()) {
      return;
    }
    boolean due =
        !session.isStored()
            || session.isModified()
            || (settings.saveEveryRequest() && !savedThisRequest);
    if (!due) {
      return;
    }
    long now = clock.millis();
    SessionRecord record = session.record(now);
    if (!session.isStored()) {
      if (!create(record)) {
        return;
      }
      if (session.previousKey() != null) {
        store.delete(session.previousKey());
      }
    } else if (!store.update(session.getId(), record)) {
      // Deleted by another request (a logout) while this one ran: not brought back, as in Django.
      log.info("Sessions: a session was deleted by another request before this one saved it");
      return;
    }
    session.rekey(store.keyAfterSave(session.getId(), record));
    session.saved();
    savedThisRequest = true;
  }

  /** Stores the new session under a fresh key; false if a fail-open cache dropped the writes. */
  private boolean create(SessionRecord record) {
    for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      if (store.create(session.getId(), record)) {
        return true;
      }
      session.rekey(SessionKeys.generate());
    }
    if (store.failsOpen()) {
      log.warn("Sessions: the cache dropped the new session (ignore_exceptions); it is not kept");
      return false;
    }
    throw new IllegalStateException(
        "Unable to create a new session key. It is likely that the cache is unavailable.");
  }

  private void writeHeaders() {
    boolean cookieWritten = false;
    if (session != null && session.isValid()) {
      String key = session.getId();
      boolean needed = !key.equals(requestedKey) || savedThisRequest;
      if (needed && !key.equals(cookieSentFor) && session.isStored()) {
        response.addHeader(
            "Set-Cookie", cookies.session(key, session.getMaxInactiveInterval(), clock.millis()));
        cookieSentFor = key;
        cookieWritten = true;
      }
    } else if ((requestedKey != null || cookieSentFor != null) && accessed && !deletionSent) {
      // Django deletes the cookie of a session that turned out empty: unknown, expired, flushed.
      response.addHeader("Set-Cookie", cookies.deletion());
      deletionSent = true;
      cookieWritten = true;
    }
    if (accessed || cookieWritten) {
      HttpCacheHeaders.patchVary(response, "Cookie");
    }
  }

  /** Changes made once the headers were written take effect now, while the response allows. */
  private void afterHeaders() {
    if (headersWritten) {
      sync();
    }
  }

  private void warnIfCookieLost() {
    if (session != null
        && session.isValid()
        && session.isStored()
        && !session.getId().equals(requestedKey)
        && !session.getId().equals(cookieSentFor)) {
      log.warn(
          "Sessions: the response to {} was committed before the new session's cookie could be"
              + " set; the browser will not see this session",
          request.getRequestURI());
    }
  }

  private void requireUncommitted(String what) {
    if (response.isCommitted()) {
      throw new IllegalStateException("Cannot " + what + " after the response has been committed");
    }
  }

  static String cookieValue(HttpServletRequest request, String name) {
    Cookie[] all = request.getCookies();
    if (all == null) {
      return null;
    }
    // Of duplicates the last, as Django's parse_cookie keeps it: a Django app and this filter
    // behind one domain pick the same session.
    String value = null;
    for (Cookie cookie : all) {
      if (cookie.getName().equals(name)) {
        value = cookie.getValue();
      }
    }
    return value;
  }
}
