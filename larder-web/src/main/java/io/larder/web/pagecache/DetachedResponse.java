package io.larder.web.pagecache;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response no client receives: a stale-while-revalidate refresh renders the page into it after
 * the client was answered from the cache, so that only the cache sees the new page. Headers and
 * status are kept for the page cache to read; the body is discarded (the page cache holds its own
 * copy in front of this).
 */
final class DetachedResponse implements HttpServletResponse {
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private int status = SC_OK;
  private String contentType;
  private String encoding = StandardCharsets.ISO_8859_1.name();
  private Locale locale = Locale.getDefault();
  private PrintWriter writer;

  private final ServletOutputStream sink =
      new ServletOutputStream() {
        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}
      };

  @Override
  public void addCookie(Cookie cookie) {
    addHeader("Set-Cookie", cookie.getName() + "=" + cookie.getValue());
  }

  @Override
  public boolean containsHeader(String name) {
    return headers.containsKey(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public String encodeURL(String url) {
    return url;
  }

  @Override
  public String encodeRedirectURL(String url) {
    return url;
  }

  @Override
  public void sendError(int sc, String msg) {
    status = sc;
  }

  @Override
  public void sendError(int sc) {
    status = sc;
  }

  @Override
  public void sendRedirect(String location) {
    status = SC_FOUND;
    setHeader("Location", location);
  }

  @Override
  public void setDateHeader(String name, long date) {
    setHeader(name, io.larder.web.headers.HttpDates.format(date / 1000));
  }

  @Override
  public void addDateHeader(String name, long date) {
    addHeader(name, io.larder.web.headers.HttpDates.format(date / 1000));
  }

  @Override
  public void setHeader(String name, String value) {
    headers.remove(name.toLowerCase(Locale.ROOT));
    addHeader(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    if (value == null) {
      return;
    }
    if (name.equalsIgnoreCase("Content-Type")) {
      contentType = value;
    }
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
  }

  @Override
  public void setIntHeader(String name, int value) {
    setHeader(name, Integer.toString(value));
  }

  @Override
  public void addIntHeader(String name, int value) {
    addHeader(name, Integer.toString(value));
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public String getHeader(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public Collection<String> getHeaders(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null ? List.of() : List.copyOf(values);
  }

  @Override
  public Collection<String> getHeaderNames() {
    return List.copyOf(headers.keySet());
  }

  @Override
  public String getCharacterEncoding() {
    return encoding;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return sink;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(sink, Charset.forName(encoding)));
    }
    return writer;
  }

  @Override
  public void setCharacterEncoding(String charset) {
    if (charset != null) {
      encoding = charset;
    }
  }

  @Override
  public void setContentLength(int len) {}

  @Override
  public void setContentLengthLong(long len) {}

  @Override
  public void setContentType(String type) {
    if (type != null) {
      setHeader("Content-Type", type);
    }
  }

  @Override
  public void setBufferSize(int size) {}

  @Override
  public int getBufferSize() {
    return 0;
  }

  @Override
  public void flushBuffer() {}

  @Override
  public void resetBuffer() {}

  @Override
  public boolean isCommitted() {
    return false;
  }

  @Override
  public void reset() {
    headers.clear();
    status = SC_OK;
    contentType = null;
  }

  @Override
  public void setLocale(Locale loc) {
    locale = loc;
  }

  @Override
  public Locale getLocale() {
    return locale;
  }
}
