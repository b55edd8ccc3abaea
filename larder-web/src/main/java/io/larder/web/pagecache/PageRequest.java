package io.larder.web.pagecache;

import io.larder.web.session.SessionLookup;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the page cache's decisions need to know of a request, read once before the view runs: its
 * method, whether the client sent it (not a forward, include, error or async dispatch), whether its
 * host is allowed ({@link PageCache.Builder#allowedHosts}), whether it is authenticated (as {@link
 * PageCache.Builder#anonymousOnly} judges), the {@link Credentials} it carries, whether its page is
 * one of its path's counted variants ({@link PathVariants}), and the language of its key ({@link
 * KeySuffix}). A plain value, so that {@link PagePolicy} is tested without a servlet container.
 *
 * @param variant whether its page counts against its path's cap: anything but the plain page (no
 *     query string, no path parameters, a host named in the allowed hosts)
 * @param language the language in its page key, or null when the key has none
 * @param keyable false when the key suffix could name no language for it: then it is not cached
 */
record PageRequest(
    String method,
    boolean fromClient,
    boolean hostAllowed,
    boolean authenticated,
    Credentials credentials,
    boolean variant,
    String language,
    boolean keyable) {

  /**
   * What a request carries that makes a page answered to it not everyone's: an {@code
   * Authorization} header, a session it names. A stored page keeps those of the request that stored
   * it, so that a request carrying them is never answered from a page stored without them.
   */
  record Credentials(boolean authorization, boolean session) {
    static final Credentials NONE = new Credentials(false, false);

    /**
     * What {@code request} carries; its session only if {@code sessions} (only anonymous-only
     * caching asks, so other requests are spared reading the session cookie).
     */
    static Credentials of(HttpServletRequest request, boolean sessions) {
      String authorization = request.getHeader("Authorization");
      return new Credentials(
          authorization != null && !authorization.isEmpty(),
          sessions && SessionLookup.namesSession(request));
    }
  }

  /** A GET sent by the client for an allowed host, anonymous, carrying nothing, not a variant. */
  static PageRequest get() {
    return new PageRequest("GET", true, true, false, Credentials.NONE, false, null, true);
  }

  /** The facts of {@code request}, with the parts {@link PageCache#facts} judged by settings. */
  static PageRequest of(
      HttpServletRequest request,
      boolean hostAllowed,
      boolean authenticated,
      Credentials credentials,
      boolean variant,
      String language,
      boolean keyable) {
    return new PageRequest(
        request.getMethod(),
        request.getDispatcherType() == DispatcherType.REQUEST,
        hostAllowed,
        authenticated,
        credentials,
        variant,
        language,
        keyable);
  }

  PageRequest method(String method) {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, variant, language, keyable);
  }

  PageRequest dispatched() {
    return new PageRequest(
        method, false, hostAllowed, authenticated, credentials, variant, language, keyable);
  }

  PageRequest disallowedHost() {
    return new PageRequest(
        method, fromClient, false, authenticated, credentials, variant, language, keyable);
  }

  PageRequest authenticated(boolean authenticated) {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, variant, language, keyable);
  }

  PageRequest withAuthorization() {
    return credentials(new Credentials(true, credentials.session()));
  }

  PageRequest withSession() {
    return credentials(new Credentials(credentials.authorization(), true));
  }

  private PageRequest credentials(Credentials credentials) {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, variant, language, keyable);
  }

  PageRequest asVariant() {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, true, language, keyable);
  }

  PageRequest language(String language) {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, variant, language, keyable);
  }

  PageRequest unkeyable() {
    return new PageRequest(
        method, fromClient, hostAllowed, authenticated, credentials, variant, language, false);
  }
}
