package io.larder.web.session;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Runs a hook once, just before the response can be committed (the first byte of the body, a flush,
 * a redirect or an error, whose status is set first so the hook sees it), while headers can still
 * be set. The session must be stored by then: a browser may send its next request as soon as it has
 * the response.
 */
final class SessionResponse extends HttpServletResponseWrapper {
  private final Runnable beforeCommit;
  private final Runnable afterReset;
  private boolean fired;
  private ServletOutputStream stream;
  private PrintWriter writer;

  SessionResponse(HttpServletResponse response, Runnable beforeCommit, Runnable afterReset) {
    super(response);
    this.beforeCommit = beforeCommit;
    this.afterReset = afterReset;
  }

  private void fire() {
    if (!fired) {
      fired = true;
      beforeCommit.run();
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      stream = new GuardedStream(super.getOutputStream());
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new PrintWriter(new GuardedWriter(super.getWriter()));
    }
    return writer;
  }

  /**
   * A reset drops the headers, the session cookie and {@code Vary} among them: they are set again.
   */
  @Override
  public void reset() {
    super.reset();
    afterReset.run();
  }

  @Override
  public void flushBuffer() throws IOException {
    fire();
    super.flushBuffer();
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    setStatus(sc);
    fire();
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    setStatus(sc);
    fire();
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    fire();
    super.sendRedirect(location);
  }

  private final class GuardedStream extends ServletOutputStream {
    private final ServletOutputStream out;

    GuardedStream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      fire();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      fire();
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      fire();
      out.flush();
    }

    @Override
    public void close() throws IOException {
      fire();
      out.close();
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }

  private final class GuardedWriter extends Writer {
    private final PrintWriter out;

    GuardedWriter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(char[] buf, int off, int len) {
      fire();
      out.write(buf, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      fire();
      out.write(s, off, len);
    }

    @Override
    public void flush() {
      fire();
      out.flush();
    }

    @Override
    public void close() {
      fire();
      out.close();
    }
  }
}
