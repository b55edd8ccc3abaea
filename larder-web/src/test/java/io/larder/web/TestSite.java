package io.larder.web;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.web.pagecache.PageCache;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty on a free 127.0.0.1 port serving pages the test defines, behind the filters the test
 * installs, with a locmem cache on a clock the test moves, and a java.net.http client.
 */
public final class TestSite implements AutoCloseable {
  /** A page: renders a response; the site counts how often. */
  public interface Page {
    void render(HttpServletRequest request, HttpServletResponse response) throws IOException;
  }

  /** Where a test installs filters and servlets before the server starts. */
  public interface Setup {
    void install(ServletContextHandler context, TestSite site) throws Exception;
  }

  public static final Instant START = Instant.parse("2016-07-17T10:00:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final Caches caches;
  public final Cache cache;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
  private final Server server;
  private final ServletContextHandler context;
  private final HttpClient client = HttpClient.newHttpClient();
  private final int port;

  private TestSite(Consumer<Caches.Builder> caching, Setup setup) throws Exception {
    Caches.Builder builder = Caches.builder().clock(clock).environment(Map.of());
    caching.accept(builder);
    this.caches = builder.build();
    this.cache = caches.getDefault();
    // Local-memory stores are shared by location across the JVM: start each site empty.
    cache.clear();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    context = new ServletContextHandler("/");
    context.setAttribute(PageCache.CACHES_ATTRIBUTE, caches);
    setup.install(context, this);
    server.setHandler(context);
    server.start();
    port = connector.getLocalPort();
  }

  /** A site with Django's default cache (locmem) and what {@code setup} installs. */
  public static TestSite start(Setup setup) throws Exception {
    return new TestSite(b -> {}, setup);
  }

  /** A site whose caches {@code caching} defines. */
  public static TestSite start(Consumer<Caches.Builder> caching, Setup setup) throws Exception {
    return new TestSite(caching, setup);
  }

  /** The servlet that renders the registered pages: map it where the filters apply. */
  public HttpServlet pagesServlet() {
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        String path = request.getRequestURI();
        Page page = pages.get(path);
        if (page == null) {
          response.sendError(404);
          return;
        }
        renders.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        page.render(request, response);
      }
    };
  }

  /** Serves the registered pages at every path, behind the page cache {@code pages}. */
  public static Setup behind(PageCache.Builder pages) {
    return (context, site) -> {
      FilterHolder filter = new FilterHolder(pages.build().filter());
      filter.setAsyncSupported(true);
      context.addFilter(filter, "/*", null);
      ServletHolder servlet = new ServletHolder(site.pagesServlet());
      servlet.setAsyncSupported(true);
      context.addServlet(servlet, "/*");
    };
  }

  /** Defines the page at {@code path}. */
  public TestSite page(String path, Page page) {
    pages.put(path, page);
    return this;
  }

  /** Defines a page writing {@code body} as text/plain after {@code headers} (name, value, …). */
  public TestSite text(String path, String body, String... headers) {
    return page(
        path,
        (request, response) -> {
          response.setContentType("text/plain;charset=utf-8");
          for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
          }
          response.getWriter().write(body);
        });
  }

  /** How often the page at {@code path} was rendered. */
  public int renders(String path) {
    AtomicInteger n = renders.get(path);
    return n == null ? 0 : n.get();
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, headers);
  }

  public HttpResponse<byte[]> getBytes(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<String> send(String method, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The Host a request without a Host header override sends. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public jakarta.servlet.ServletContext servletContext() {
    return context.getServletContext();
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      caches.close();
    }
  }
}
