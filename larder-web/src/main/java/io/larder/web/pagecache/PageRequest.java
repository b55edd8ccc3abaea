package io.larder.web.pagecache;

import io.larder.web.session.SessionLookup;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Consumer;

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
    return with(copy -> copy.method = method);
  }

  PageRequest dispatched() {
    return with(copy -> copy.fromClient = false);
  }

  PageRequest disallowedHost() {
    return with(copy -> copy.hostAllowed = false);
  }

  PageRequest authenticated(boolean authenticated) {
    return with(copy -> copy.authenticated = authenticated);
  }

  PageRequest withAuthorization() {
    return with(copy -> copy.credentials = new Credentials(true, credentials.session()));
  }

  PageRequest withSession() {
    return with(copy -> copy.credentials = new Credentials(credentials.authorization(), true));
  }

  PageRequest asVariant() {
    return with(copy -> copy.variant = true);
  }

  PageRequest language(String language) {
    return with(copy -> copy.language = language);
  }

  PageRequest unkeyable() {
    return with(copy -> copy.keyable = false);
  }

  /** This request with {@code change} made to a copy of its fields. */
  private PageRequest with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return new PageRequest(
        copy.method,
        copy.fromClient,
        copy.hostAllowed,
        copy.authenticated,
        copy.credentials,
        copy.variant,
        copy.language,
        copy.keyable);
  }

  /** The fields of a request, to change one by name. */
  private static final class Copy {
    String method;
    boolean fromClient;
    boolean hostAllowed;
    boolean authenticated;
    Credentials credentials;
    boolean variant;
    String language;
    boolean keyable;

    Copy(PageRequest from) {
      method = from.method;
      fromClient = from.fromClient;
      hostAllowed = from.hostAllowed;
      authenticated = from.authenticated;
      credentials = from.credentials;
      variant = from.variant;
      language = from.language;
      keyable = from.keyable;
    }
  }
}
