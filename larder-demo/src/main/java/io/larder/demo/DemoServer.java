package io.larder.demo;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.web.PageCache;
import java.time.Duration;
import java.time.InstantSource;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo app on embedded Jetty, bound to 127.0.0.1: {@code /slow}, {@code /vary} and {@code
 * /never} through a per-view page cache on the {@code default} cache, {@code /slow/uncached}
 * without it, and the dashboard at {@code /_larder/}.
 */
public final class DemoServer implements AutoCloseable {
  /** How long the demo's per-view cache keeps a page. */
  static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

  private final Server server;
  private final CacheSampler sampler;
  private final int port;

  private DemoServer(Server server, CacheSampler sampler, int port) {
    this.server = server;
    this.sampler = sampler;
    this.port = port;
  }

  /**
   * Starts the demo on {@code port} (0: a free one) over {@code caches}; the caller closes both.
   */
  public static DemoServer start(Caches caches, int port) throws Exception {
    return start(caches, port, InstantSource.system(), Duration.ofSeconds(5));
  }

  static DemoServer start(Caches caches, int port, InstantSource clock, Duration samplePeriod)
      throws Exception {
    Cache cache = caches.getDefault();
    PageCache perView =
        PageCache.builder(cache).pageTimeout(PAGE_TIMEOUT).keyPrefix("demo").build();
    CacheSampler sampler = new CacheSampler(caches, clock);

    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(new IndexPage()), "");
    context.addServlet(new ServletHolder(perView.wrap(new SlowPage())), "/slow");
    // The same page without the cache, to compare against (scripts/bench-web).
    context.addServlet(new ServletHolder(new SlowPage()), "/slow/uncached");
    context.addServlet(new ServletHolder(perView.wrap(new VaryPage())), "/vary");
    context.addServlet(new ServletHolder(perView.wrap(new NeverPage())), "/never");
    context.addServlet(new ServletHolder(new DashboardPage()), "/_larder/");
    context.addServlet(new ServletHolder(new StatsEndpoint(sampler)), "/_larder/stats.json");

    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    sampler.start(samplePeriod);
    return new DemoServer(server, sampler, connector.getLocalPort());
  }

  /** The port the demo listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    sampler.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop cleanly", e);
    }
  }
}
