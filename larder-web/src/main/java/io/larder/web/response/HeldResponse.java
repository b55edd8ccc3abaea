package io.larder.web.response;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The one way Larder's filters act on a response before its first byte is committed: a wrapper that
 * holds the body back (up to a limit) and runs a hook once, at the last moment the headers can
 * still change. The page cache holds the whole page so that it can look at the finished response
 * and store it; the header decorators hold it so that they can patch it after the view; the session
 * filter holds nothing ({@link #unbuffered}) and only needs its hook to run before the first byte,
 * a flush, a redirect or an error (whose status is set first, so the hook sees it).
 *
 * <pre>{@code
 * HeldResponse held = HeldResponse.buffering(response, 64 << 10, () -> patch(response));
 * chain.doFilter(held.watching(request), held);
 * held.finishApplication(request.isAsyncStarted());
 * held.beforeCommit();                        // runs the hook now, if the body did not yet
 * held.writeOut("HEAD".equals(request.getMethod()));
 * }</pre>
 *
 * <p>It stops holding back (goes <em>streaming</em>) when the application flushes the response,
 * starts async processing, or writes more than the limit; the hook runs then, once. A {@code
 * reset()} drops the headers the hook wrote, so {@code afterReset} runs after one, to write them
 * again. Not thread-safe, as a servlet response is not.
 *
 * @since 0.1
 */
public final class HeldResponse extends HttpServletResponseWrapper {
  private static final int INITIAL_CAPACITY = 8192;

  private final int limit;
  private final Runnable hook;
  private final Runnable afterReset;
  private boolean hookRan;
  private byte[] buffer = new byte[0];
  private int size;
  private long declaredLength = -1;
  private boolean streaming;
  private boolean finished;
  private ServletOutputStream stream;
  private PrintWriter writer;

  /** In writer mode: the charset, and the encoder that fills the buffer until streaming. */
  private Charset charset;

  private Writer encoder;

  private HeldResponse(
      HttpServletResponse response, int limit, Runnable beforeCommit, Runnable afterReset) {
    super(response);
    this.limit = limit;
    this.hook = beforeCommit;
    this.afterReset = afterReset;
  }

  /**
   * A response that holds up to {@code limit} bytes of body, running {@code beforeCommit} once
   * before any of it leaves (or when the filter calls {@link #beforeCommit()} itself).
   *
   * @param response the response to wrap
   * @param limit the most bytes of body held back, 0 or more; a longer body streams
   * @param beforeCommit patches the headers; runs on the request's thread, at most once
   * @return the wrapper, to pass down the chain in place of {@code response}
   */
  public static HeldResponse buffering(
      HttpServletResponse response, int limit, Runnable beforeCommit) {
    return new HeldResponse(response, limit, beforeCommit, () -> {});
  }

  /**
   * A response that holds no body, only runs {@code beforeCommit} once before its first byte,
   * flush, redirect or error, and {@code afterReset} after every {@code reset()}.
   *
   * @param response the response to wrap
   * @param beforeCommit patches the headers; runs on the request's thread, at most once
   * @param afterReset writes again the headers {@code beforeCommit} wrote, after a {@code reset()}
   *     dropped them; runs only if the hook has run
   * @return the wrapper, to pass down the chain in place of {@code response}
   */
  public static HeldResponse unbuffered(
      HttpServletResponse response, Runnable beforeCommit, Runnable afterReset) {
    return new HeldResponse(response, 0, beforeCommit, afterReset);
  }

  /** Runs the hook now unless it has run: the filter's own "last moment" after the application. */
  public void beforeCommit() {
    if (!hookRan) {
      hookRan = true;
      hook.run();
    }
  }

  /**
   * {@code request} as the application should see it: starting async processing sends what is
   * buffered first, before the async context can write anything after it.
   *
   * @param request the request that goes down the chain with this response
   * @return a wrapper of {@code request} to pass down the chain in its place
   */
  public HttpServletRequest watching(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      @Override
      public AsyncContext startAsync() {
        streamNow();
        return super.startAsync();
      }

      @Override
      public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
        streamNow();
        return super.startAsync(req, res);
      }
    };
  }

  private void streamNow() {
    try {
      goStreaming();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * True once the body has gone to the client unbuffered: it is not (all) in {@link #body()}.
   *
   * @return whether the response is streaming
   */
  public boolean isStreaming() {
    return streaming;
  }

  /**
   * The content length the application declared (a HEAD response's body length).
   *
   * @return the declared length in bytes, or -1 when none was declared
   */
  public long declaredLength() {
    return declaredLength;
  }

  /**
   * Ends the application's part: pushes any text held in its writer into the buffer, and goes
   * streaming if the request went async (the body will come later).
   *
   * @param asyncStarted whether the request went async, as {@code request.isAsyncStarted()} says
   * @throws IOException when sending the buffered body to the client fails
   */
  public void finishApplication(boolean asyncStarted) throws IOException {
    if (writer != null) {
      writer.flush();
    }
    if (asyncStarted) {
      goStreaming();
    }
  }

  /**
   * The buffered body, exactly as many bytes as were held back.
   *
   * @return the body, empty when none was written; the array itself, not a copy
   */
  public byte[] body() {
    if (buffer.length != size) {
      buffer = Arrays.copyOf(buffer, size);
    }
    return buffer;
  }

  /**
   * Sends the buffered body with its length (nothing more for a streaming response). For HEAD
   * nothing is written but the declared length is kept.
   *
   * @param head whether the request is a HEAD, whose body is left out
   * @throws IOException when writing to the client fails
   */
  public void writeOut(boolean head) throws IOException {
    if (streaming || finished) {
      return;
    }
    finished = true;
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (size == 0 && declaredLength >= 0) {
      response.setContentLengthLong(declaredLength);
    } else if (size > 0 || limit > 0) {
      // An unbuffered response that wrote nothing leaves its length (a 304's, say) to the
      // container.
      response.setContentLength(size);
    }
    if (size > 0 && !head) {
      response.getOutputStream().write(buffer, 0, size);
    }
  }

  /** Ends the response without its body (a 304 or 412 answered instead). */
  public void discardBody() {
    finished = true;
    size = 0;
  }

  /**
   * Makes the response pass everything straight to the client from now on, sending what is
   * buffered; the hook runs first.
   *
   * @throws IOException when sending the buffered body to the client fails
   */
  public void goStreaming() throws IOException {
    if (streaming || finished) {
      return;
    }
    if (encoder != null) {
      encoder.flush();
    }
    streaming = true;
    beforeCommit();
    HttpServletResponse response = (HttpServletResponse) getResponse();
    if (declaredLength >= 0) {
      response.setContentLengthLong(declaredLength);
    }
    if (size > 0) {
      // Text goes on through the container's writer, so that later writes to the unwrapped
      // response (an async context's) find it in the same mode.
      if (charset != null) {
        response.getWriter().write(new String(buffer, 0, size, charset));
      } else {
        response.getOutputStream().write(buffer, 0, size);
      }
    }
    buffer = new byte[0];
    size = 0;
  }

  @Override
  public ServletOutputStream getOutputStream() {
    if (writer != null) {
      throw new IllegalStateException("getWriter() has already been called on this response");
    }
    if (stream == null) {
      stream = new Stream();
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      if (stream != null) {
        throw new IllegalStateException(
            "getOutputStream() has already been called on this response");
      }
      // Fix the charset in Content-Type, as the container's own getWriter() does.
      String name = getCharacterEncoding();
      setCharacterEncoding(name);
      charset = Charset.forName(name);
      stream = new Stream();
      encoder = new OutputStreamWriter(stream, charset);
      writer = new PrintWriter(new BodyWriter(), false);
    }
    return writer;
  }

  @Override
  public void setContentLength(int len) {
    setContentLengthLong(len);
  }

  @Override
  public void setContentLengthLong(long len) {
    declaredLength = len;
    if (streaming) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!declaresLength(name, value)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!declaresLength(name, value)) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setIntHeader(String name, int value) {
    if (!declaresLength(name, Integer.toString(value))) {
      super.setIntHeader(name, value);
    }
  }

  @Override
  public void addIntHeader(String name, int value) {
    if (!declaresLength(name, Integer.toString(value))) {
      super.addIntHeader(name, value);
    }
  }

  /**
   * Takes a Content-Length set as a header while buffering: the length sent is the buffer's, or for
   * a body-less HEAD this declared one. A value that is not a number is passed on as it is.
   */
  private boolean declaresLength(String name, String value) {
    if (streaming || !"Content-Length".equalsIgnoreCase(name)) {
      return false;
    }
    try {
      declaredLength = value == null ? -1 : Long.parseLong(value.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void flushBuffer() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    goStreaming();
    if (charset != null) {
      getResponse().getWriter().flush();
    }
    super.flushBuffer();
  }

  @Override
  public void resetBuffer() {
    super.resetBuffer();
    size = 0;
  }

  @Override
  public void reset() {
    super.reset();
    size = 0;
    declaredLength = -1;
    // Servlet 6: after a reset the application may choose the writer or the stream afresh.
    if (!streaming) {
      stream = null;
      writer = null;
      encoder = null;
      charset = null;
    }
    afterReset.run();
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    setStatus(sc);
    abandonBuffer();
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    setStatus(sc);
    abandonBuffer();
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    abandonBuffer();
    super.sendRedirect(location);
  }

  /** An error or redirect replaces the body: drop it, but let the headers be patched first. */
  private void abandonBuffer() {
    if (!streaming && !finished) {
      beforeCommit();
      streaming = true;
      size = 0;
    }
  }

  private void append(byte[] b, int off, int len) throws IOException {
    if (streaming) {
      getResponse().getOutputStream().write(b, off, len);
      return;
    }
    // In writer mode the limit is checked on characters, in BodyWriter, so that the encoder is
    // flushed at a character boundary before the text goes through the container's writer.
    if (size + len > limit && charset == null) {
      goStreaming();
      getResponse().getOutputStream().write(b, off, len);
      return;
    }
    if (size + len > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(size + len, Math.max(INITIAL_CAPACITY, size * 2)));
    }
    System.arraycopy(b, off, buffer, size, len);
    size += len;
  }

  /** The application's writer: encoded into the buffer, or through once streaming. */
  private final class BodyWriter extends Writer {
    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      if (!streaming && size + 4L * len > limit) {
        goStreaming();
      }
      if (streaming) {
        getResponse().getWriter().write(chars, off, len);
      } else {
        encoder.write(chars, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      if (streaming) {
        getResponse().getWriter().flush();
      } else {
        encoder.flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** The application's output stream: into the buffer, or through once streaming. */
  private final class Stream extends ServletOutputStream {
    private final byte[] one = new byte[1];

    @Override
    public void write(int b) throws IOException {
      one[0] = (byte) b;
      append(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      append(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      // A flush while buffering is a writer emptying itself, not a request to stream.
      if (streaming) {
        getResponse().getOutputStream().flush();
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    @Override
    public boolean isReady() {
      try {
        return !streaming || getResponse().getOutputStream().isReady();
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      try {
        goStreaming();
        getResponse().getOutputStream().setWriteListener(listener);
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
