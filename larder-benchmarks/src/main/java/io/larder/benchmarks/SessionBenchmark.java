package io.larder.benchmarks;

import io.larder.Caches;
import io.larder.web.session.SessionFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One HTTP request with a session, end to end through Jetty and java.net.http in this JVM: Larder's
 * {@code SessionFilter} on a local-memory cache beside Jetty's own in-memory sessions (the
 * container's {@code SessionHandler}), in the same run. {@code …Read} looks at the session, {@code
 * …Write} changes it (so Larder writes it to the cache); {@code noSession} is the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class SessionBenchmark {
  private Caches caches;
  private Server server;
  private HttpClient larderClient;
  private HttpClient jettyClient;
  private URI larderRead;
  private URI larderWrite;
  private URI jettyRead;
  private URI jettyWrite;
  private URI plain;

  /** {@code /write} counts a visit in the session, {@code /read} prints it, {@code /plain} none. */
  static final class Counter extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String body;
      if (request.getPathInfo().equals("/plain")) {
        body = "plain";
      } else {
        HttpSession session = request.getSession();
        Integer visits = (Integer) session.getAttribute("visits");
        if (request.getPathInfo().equals("/write") || visits == null) {
          visits = visits == null ? 1 : visits + 1;
          session.setAttribute("visits", visits);
        }
        body = String.valueOf(visits);
      }
      response.setContentType("text/plain");
      response.getWriter().print(body);
    }
  }

  @Setup
  public void start() throws Exception {
    caches = Caches.defaults();
    ServletContextHandler larder = new ServletContextHandler("/larder");
    larder.addFilter(
        new FilterHolder(new SessionFilter(caches)), "/*", EnumSet.of(DispatcherType.REQUEST));
    larder.addServlet(new ServletHolder(new Counter()), "/*");
    ServletContextHandler jetty =
        new ServletContextHandler("/jetty", ServletContextHandler.SESSIONS);
    jetty.addServlet(new ServletHolder(new Counter()), "/*");
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new org.eclipse.jetty.server.handler.ContextHandlerCollection(larder, jetty));
    server.start();
    String base = "http://127.0.0.1:" + connector.getLocalPort();
    larderRead = URI.create(base + "/larder/read");
    larderWrite = URI.create(base + "/larder/write");
    jettyRead = URI.create(base + "/jetty/read");
    jettyWrite = URI.create(base + "/jetty/write");
    plain = URI.create(base + "/larder/plain");
    larderClient = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    jettyClient = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    get(larderClient, larderWrite);
    get(jettyClient, jettyWrite);
  }

  @TearDown
  public void stop() throws Exception {
    server.stop();
    caches.close();
  }

  private static String get(HttpClient client, URI uri) throws Exception {
    return client
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Benchmark
  public String noSession() throws Exception {
    return get(larderClient, plain);
  }

  @Benchmark
  public String larderRead() throws Exception {
    return get(larderClient, larderRead);
  }

  @Benchmark
  public String jettyRead() throws Exception {
    return get(jettyClient, jettyRead);
  }

  @Benchmark
  public String larderWrite() throws Exception {
    return get(larderClient, larderWrite);
  }

  @Benchmark
  public String jettyWrite() throws Exception {
    return get(jettyClient, jettyWrite);
  }
}
