package io.larder.web.session;

/** Where session records live, by session key. */
interface SessionStore {
  /** The unexpired record of {@code key}, or null. */
  SessionRecord load(String key);

  /**
   * Stores a new session under {@code key}.
   *
   * @return false if the key is taken (the caller tries another)
   */
  boolean create(String key, SessionRecord record);

  /**
   * Replaces the record of an existing session.
   *
   * @return false if the session no longer exists (deleted elsewhere: it is not resurrected)
   */
  boolean update(String key, SessionRecord record);

  /** Removes the session everywhere it is stored. */
  void delete(String key);

  /** True if writes may be dropped instead of failing ({@code ignore_exceptions: true}). */
  boolean failsOpen();

  /**
   * True if a cookie's value could name a session here; a value that could not is never looked up
   * (by default: Django's session key rule, {@link SessionKeys#isWellFormed}).
   */
  default boolean isWellFormed(String cookieValue) {
    return SessionKeys.isWellFormed(cookieValue);
  }

  /**
   * The session's key, and cookie value, once {@code record} was saved under {@code key}: the key
   * itself, except where the cookie carries the session ({@code signed_cookies}).
   */
  default String keyAfterSave(String key, SessionRecord record) {
    return key;
  }
}
