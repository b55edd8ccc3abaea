package io.larder.web.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request's copy of a session. Changes are tracked so that the session is written only when it
 * changed; the request's {@link RequestSession} writes it before the response is committed.
 * Mutating an attribute's object in place is not a change: call {@code setAttribute} again (or
 * configure {@code save_every_request}), as with Django's {@code session.modified = True}.
 */
final class CacheSession implements HttpSession {
  private final RequestSession owner;
  private final Map<String, Object> attributes;
  private final long created;
  private final long lastSaved;
  private final boolean isNew;
  private String key;

  /** The key this session was stored under before {@code changeSessionId}, deleted on save. */
  private String previousKey;

  private boolean stored;
  private boolean modified;
  private boolean valid = true;
  private int maxAgeSeconds;

  /** {@code SESSION_COOKIE_AGE}: the server's lifetime of a session that ends with the browser. */
  private final int cookieAgeSeconds;

  /** A new, empty session, with the cookie age as its age. */
  CacheSession(RequestSession owner, String key, long now, int cookieAgeSeconds) {
    this(owner, key, new LinkedHashMap<>(), now, now, cookieAgeSeconds, cookieAgeSeconds, true);
  }

  /** The session a store held. */
  CacheSession(RequestSession owner, String key, SessionRecord record) {
    this(
        owner,
        key,
        record.attributes(),
        record.created(),
        record.saved(),
        record.maxAgeSeconds(),
        record.cookieAgeSeconds(),
        false);
  }

  private CacheSession(
      RequestSession owner,
      String key,
      Map<String, Object> attributes,
      long created,
      long lastSaved,
      int maxAgeSeconds,
      int cookieAgeSeconds,
      boolean isNew) {
    this.owner = owner;
    this.key = key;
    this.attributes = new LinkedHashMap<>(attributes);
    this.created = created;
    this.lastSaved = lastSaved;
    this.maxAgeSeconds = maxAgeSeconds;
    this.cookieAgeSeconds = cookieAgeSeconds;
    this.isNew = isNew;
    this.stored = !isNew;
  }

  @Override
  public synchronized long getCreationTime() {
    requireValid("getCreationTime");
    return created;
  }

  @Override
  public synchronized String getId() {
    return key;
  }

  /** When the session was last saved before this request (Django saves only on change). */
  @Override
  public synchronized long getLastAccessedTime() {
    requireValid("getLastAccessedTime");
    return lastSaved;
  }

  @Override
  public ServletContext getServletContext() {
    return owner.servletContext();
  }

  /**
   * Sets how long this session lives after it is saved (Django's {@code set_expiry(seconds)}). 0 or
   * less is Django's {@code set_expiry(0)}: the cookie ends with the browser session, and the
   * server still drops the session {@code cookie_age} after its last save, as Django does (the
   * servlet API's "never" would leave it on the server for good).
   */
  @Override
  public synchronized void setMaxInactiveInterval(int interval) {
    requireValid("setMaxInactiveInterval");
    int age = Math.max(0, interval);
    if (age != maxAgeSeconds) {
      maxAgeSeconds = age;
      modified = true;
    }
  }

  /** The age {@link #setMaxInactiveInterval} set: 0 for a session that ends with the browser. */
  @Override
  public synchronized int getMaxInactiveInterval() {
    return maxAgeSeconds;
  }

  @Override
  public synchronized Object getAttribute(String name) {
    requireValid("getAttribute");
    return attributes.get(name);
  }

  @Override
  public synchronized Enumeration<String> getAttributeNames() {
    requireValid("getAttributeNames");
    return Collections.enumeration(new ArrayList<>(attributes.keySet()));
  }

  /** Stores {@code value} (null removes the attribute); a session value must be serializable. */
  @Override
  public void setAttribute(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      removeAttribute(name);
      return;
    }
    Object old;
    synchronized (this) {
      requireValid("setAttribute");
      old = attributes.put(name, value);
      modified = true;
    }
    if (value != old && value instanceof HttpSessionBindingListener listener) {
      listener.valueBound(new HttpSessionBindingEvent(this, name, value));
    }
    unbound(name, old, value);
  }

  @Override
  public void removeAttribute(String name) {
    Object old;
    synchronized (this) {
      requireValid("removeAttribute");
      old = attributes.remove(name);
      if (old != null) {
        modified = true;
      }
    }
    unbound(name, old, null);
  }

  /** Removes the session from every store now; the response deletes its cookie. */
  @Override
  public void invalidate() {
    Map<String, Object> removed;
    synchronized (this) {
      requireValid("invalidate");
      valid = false;
      removed = new LinkedHashMap<>(attributes);
      attributes.clear();
    }
    owner.invalidated(this);
    removed.forEach((name, value) -> unbound(name, value, null));
  }

  @Override
  public synchronized boolean isNew() {
    requireValid("isNew");
    return isNew;
  }

  synchronized boolean isValid() {
    return valid;
  }

  synchronized boolean isStored() {
    return stored;
  }

  synchronized boolean isModified() {
    return modified;
  }

  synchronized String previousKey() {
    return previousKey;
  }

  /** The session's key becomes {@code newKey}; the old one is deleted when it is saved. */
  synchronized void rotate(String newKey) {
    if (stored && previousKey == null) {
      previousKey = key;
    }
    key = newKey;
    stored = false;
  }

  /** The key a colliding create moves to (the cookie is written after the store). */
  synchronized void rekey(String newKey) {
    key = newKey;
  }

  synchronized SessionRecord record(long now) {
    return new SessionRecord(attributes, created, now, maxAgeSeconds, cookieAgeSeconds);
  }

  synchronized void saved() {
    stored = true;
    modified = false;
    previousKey = null;
  }

  private void unbound(String name, Object old, Object value) {
    if (old != null && old != value && old instanceof HttpSessionBindingListener listener) {
      listener.valueUnbound(new HttpSessionBindingEvent(this, name, old));
    }
  }

  private void requireValid(String method) {
    if (!valid) {
      throw new IllegalStateException(method + ": the session was invalidated");
    }
  }
}
