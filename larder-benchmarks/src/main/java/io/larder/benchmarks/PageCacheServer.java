package io.larder.benchmarks;

import io.larder.Caches;
import io.larder.web.pagecache.PageCache;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The page cache beside bare Jetty, for wrk (scripts/bench-web): {@code /raw} writes a fixed
 * 776-byte page on every request, with no cache; {@code /cached} is the same servlet behind the
 * page cache, so a hit's cost over Jetty's own floor shows in the same run. Prints {@code PORT n}
 * once listening on 127.0.0.1 (argument: the port, 0 for a free one).
 */
public final class PageCacheServer {
  private PageCacheServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    byte[] page =
        ("<!doctype html><p>" + "x".repeat(754) + "</p>").getBytes(StandardCharsets.UTF_8);
    HttpServlet raw =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            response.setContentType("text/html;charset=utf-8");
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
          }
        };
    Caches caches = Caches.defaults();
    PageCache pages =
        PageCache.builder(caches.getDefault()).pageTimeout(Duration.ofHours(1)).build();
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(raw), "/raw");
    context.addServlet(new ServletHolder(pages.wrap(raw)), "/cached");
    Server server = new Server(new InetSocketAddress("127.0.0.1", port));
    server.setHandler(context);
    server.start();
    System.out.println("PORT " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    server.join();
  }
}
