package io.larder.web.pagecache;

import io.larder.web.headers.HeaderValues;
import io.larder.web.response.VaryRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;

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
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        recordedVary,
        sessionIdValid);
  }

  PageResponse cacheControl(String cacheControl) {
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        recordedVary,
        sessionIdValid);
  }

  PageResponse vary(String vary) {
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        recordedVary,
        sessionIdValid);
  }

  PageResponse expires(String expires) {
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        recordedVary,
        sessionIdValid);
  }

  PageResponse contentLanguage(String contentLanguage) {
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        recordedVary,
        sessionIdValid);
  }

  PageResponse settingCookie() {
    return new PageResponse(
        status, cacheControl, vary, expires, contentLanguage, true, recordedVary, sessionIdValid);
  }

  /** The record names {@code headers}; {@code sessionIdValid} answers for a recorded Cookie. */
  PageResponse recorded(boolean sessionIdValid, String... headers) {
    return new PageResponse(
        status,
        cacheControl,
        vary,
        expires,
        contentLanguage,
        setsCookie,
        List.of(headers),
        sessionIdValid);
  }
}
