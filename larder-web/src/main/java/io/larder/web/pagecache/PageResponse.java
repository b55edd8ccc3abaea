package io.larder.web.pagecache;

import io.larder.web.headers.HeaderValues;
import io.larder.web.response.VaryRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the page cache's decisions need to know of a finished response: its status, the headers
 * Django's rules read ({@code Cache-Control}, {@code Vary}, {@code Expires}, whether it sets a
 * cookie), the language it says it is in ({@code Content-Language}), what the {@link VaryRecord}
 * says it varies on beyond its {@code Vary}, and whether the request's session id was valid (asked
 * only when the record names {@code Cookie}). A plain value, so that {@link PagePolicy} is tested
 * without a servlet container.
 *
 * @param cacheControl every {@code Cache-Control} value joined, or null
 * @param vary every {@code Vary} value joined, or null
 * @param expires the {@code Expires} header, or null
 * @param contentLanguage the {@code Content-Language} header, or null
 */
record PageResponse(
    int status,
    String cacheControl,
    String vary,
    String expires,
    String contentLanguage,
    boolean setsCookie,
    List<String> recordedVary,
    boolean sessionIdValid) {

  /** A plain 200 with none of the headers the rules read. */
  static PageResponse ok() {
    return new PageResponse(200, null, null, null, null, false, List.of(), false);
  }

  /** The facts of {@code response} to {@code request}, once the view is done. */
  static PageResponse of(HttpServletRequest request, HttpServletResponse response) {
    List<String> recorded = VaryRecord.of(request);
    boolean cookieRecorded = VaryRecord.has(request, "Cookie");
    return new PageResponse(
        response.getStatus(),
        HeaderValues.joined(response, "Cache-Control"),
        HeaderValues.joined(response, "Vary"),
        response.getHeader("Expires"),
        response.getHeader("Content-Language"),
        !response.getHeaders("Set-Cookie").isEmpty(),
        recorded,
        cookieRecorded && request.isRequestedSessionIdValid());
  }

  PageResponse status(int status) {
    return with(copy -> copy.status = status);
  }

  PageResponse cacheControl(String cacheControl) {
    return with(copy -> copy.cacheControl = cacheControl);
  }

  PageResponse vary(String vary) {
    return with(copy -> copy.vary = vary);
  }

  PageResponse expires(String expires) {
    return with(copy -> copy.expires = expires);
  }

  PageResponse contentLanguage(String contentLanguage) {
    return with(copy -> copy.contentLanguage = contentLanguage);
  }

  PageResponse settingCookie() {
    return with(copy -> copy.setsCookie = true);
  }

  /** The record names {@code headers}; {@code sessionIdValid} answers for a recorded Cookie. */
  PageResponse recorded(boolean sessionIdValid, String... headers) {
    return with(
        copy -> {
          copy.recordedVary = List.of(headers);
          copy.sessionIdValid = sessionIdValid;
        });
  }

  /** This response with {@code change} made to a copy of its fields. */
  private PageResponse with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return new PageResponse(
        copy.status,
        copy.cacheControl,
        copy.vary,
        copy.expires,
        copy.contentLanguage,
        copy.setsCookie,
        copy.recordedVary,
        copy.sessionIdValid);
  }

  /** The fields of a response, to change one or two by name. */
  private static final class Copy {
    int status;
    String cacheControl;
    String vary;
    String expires;
    String contentLanguage;
    boolean setsCookie;
    List<String> recordedVary;
    boolean sessionIdValid;

    Copy(PageResponse from) {
      status = from.status;
      cacheControl = from.cacheControl;
      vary = from.vary;
      expires = from.expires;
      contentLanguage = from.contentLanguage;
      setsCookie = from.setsCookie;
      recordedVary = from.recordedVary;
      sessionIdValid = from.sessionIdValid;
    }
  }
}
