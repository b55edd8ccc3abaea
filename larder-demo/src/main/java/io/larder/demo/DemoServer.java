package io.larder.demo;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.pebble.FragmentCacheExtension;
import io.larder.web.pagecache.PageCache;
import io.larder.web.session.SessionEngine;
import io.larder.web.session.SessionFilter;
import io.larder.web.session.SessionSettings;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo app on embedded Jetty, bound to 127.0.0.1: {@code /slow}, {@code /vary} and {@code
 * /never} through a per-view page cache on the {@code default} cache, {@code /slow/uncached}
 * without it, {@code /fragments} (a fragment-cached sidebar), {@code /counter} (a session-backed
 * counter), {@code /layered} (a chain of memory over files), and the dashboard at {@code
 * /_larder/} with its data ({@code stats.json}, {@code entries.json}, {@code hazelcast.json}).
 * Pages that write take a POST from their own forms ({@link WriteForms}), and only requests for
 * the demo's own address are answered ({@link LoopbackHostFilter}).
 */
public final class DemoServer implements AutoCloseable {
  /** How long the demo's per-view cache keeps a page. */
  static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * How long past {@link #PAGE_TIMEOUT} a per-view page is still served, at once, while one
   * request renders it afresh (RFC 5861's stale-while-revalidate), or instead of an error.
   */
  static final Duration STALE_WINDOW = Duration.ofSeconds(300);

  private final Server server;
  private final CacheSampler sampler;
  private final LayeredPage layered;
  private final int port;

  private DemoServer(Server server, CacheSampler sampler, LayeredPage layered, int port) {
    this.server = server;
    this.sampler = sampler;
    this.layered = layered;
    this.port = port;
  }

  /**
   * Starts the demo on {@code port} (0: a free one) over {@code caches}; the caller closes both.
   */
  public static DemoServer start(Caches caches, int port) throws Exception {
    return start(caches, port, null);
  }

  /**
   * Starts the demo, its {@code /layered} page on local memory over the Redis at {@code
   * layeredRedis} (kept coherent by invalidations), or over files when it is null.
   */
  public static DemoServer start(Caches caches, int port, String layeredRedis) throws Exception {
    return start(caches, port, InstantSource.system(), Duration.ofSeconds(5), layeredRedis);
  }

  static DemoServer start(Caches caches, int port, InstantSource clock, Duration samplePeriod)
      throws Exception {
    return start(caches, port, clock, samplePeriod, null);
  }

  static DemoServer start(
      Caches caches, int port, InstantSource clock, Duration samplePeriod, String layeredRedis)
      throws Exception {
    Cache cache = caches.getDefault();
    PageCache perView =
        PageCache.builder(cache)
            .pageTimeout(PAGE_TIMEOUT)
            .staleWhileRevalidate(STALE_WINDOW)
            .staleIfError(STALE_WINDOW)
            .keyPrefix("demo")
            .build();
    CacheSampler sampler = new CacheSampler(caches, clock);

    FragmentCacheExtension fragments = new FragmentCacheExtension(caches);
    SessionFilter sessions = new SessionFilter(caches, sessionSettings(caches));
    RecentSessions recent = new RecentSessions();

    WriteForms forms = new WriteForms();

    ServletContextHandler context = new ServletContextHandler("/");
    // First: a request for a rebound host name is refused before any page or session sees it.
    context.addFilter(
        new FilterHolder(new LoopbackHostFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(sessions), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new IndexPage()), "");
    context.addServlet(new ServletHolder(perView.wrap(new SlowPage())), "/slow");
    // The same page without the cache, to compare against (scripts/bench-web).
    context.addServlet(new ServletHolder(new SlowPage()), "/slow/uncached");
    context.addServlet(new ServletHolder(perView.wrap(new VaryPage())), "/vary");
    context.addServlet(new ServletHolder(perView.wrap(new NeverPage())), "/never");
    context.addServlet(new ServletHolder(new FragmentsPage(fragments, forms)), "/fragments");
    context.addServlet(new ServletHolder(new CounterPage(recent, forms)), "/counter/*");
    LayeredPage layered = new LayeredPage(layeredRedis, forms);
    context.addServlet(new ServletHolder(layered), "/layered/*");
    context.addServlet(new ServletHolder(new DashboardPage()), "/_larder/");
    context.addServlet(
        new ServletHolder(new EntriesEndpoint(sessions, recent, fragments)),
        "/_larder/entries.json");
    context.addServlet(new ServletHolder(new StatsEndpoint(sampler)), "/_larder/stats.json");
    context.addServlet(
        new ServletHolder(new HazelcastEndpoint(caches)), "/_larder/hazelcast.json");

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
    return new DemoServer(server, sampler, layered, connector.getLocalPort());
  }

  /**
   * Sessions in the {@code sessions} cache if configured (else {@code default}), written through to
   * {@code sessions_db} ({@code cached_db}) when that alias is configured.
   */
  static SessionSettings sessionSettings(Caches caches) {
    SessionSettings.Builder settings = SessionSettings.builder();
    if (caches.aliases().contains("sessions")) {
      settings.cacheAlias("sessions");
    }
    if (caches.aliases().contains("sessions_db")) {
      settings.engine(SessionEngine.CACHED_DB).databaseAlias("sessions_db");
    }
    return settings.build();
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
    } finally {
      layered.close();
    }
  }
}
