package io.larder.demo;

import io.larder.Caches;
import io.larder.jdbc.CacheTables;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/demo}: the demo web app on http://127.0.0.1:8000, on the embedded local-memory
 * cache unless {@code --config} names a {@code larder.yml} for any backend; the tables of its
 * {@code db} caches are created when missing.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Larder's demo web app: page caching and a dashboard of every configured cache.")
public final class Demo implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A larder.yml or .properties file; default: a local-memory cache.")
  Path config;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description =
          "A Redis for the /layered page (e.g. redis://127.0.0.1:6379/0): local memory over it,"
              + " kept coherent by invalidations; default: local memory over files.")
  String redis;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Demo()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Caches caches = config == null ? Caches.defaults() : Caches.load(config);
    // A first try on a db cache has no table yet: make it, as `larder createcachetable` would.
    CacheTables.create(caches, false, System.out);
    DemoServer server = DemoServer.start(caches, port, redis);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  caches.close();
                }));
    String base = "http://127.0.0.1:" + server.port();
    System.out.println("Larder demo on " + base + "/  (Ctrl-C stops it)");
    for (String alias : caches.aliases()) {
      String location = caches.get(alias).settings().displayLocation();
      System.out.println(
          "  cache '"
              + alias
              + "': "
              + caches.get(alias).settings().backend()
              + (location.isEmpty() ? "" : " at " + location));
    }
    System.out.println("  " + base + "/slow       a 300 ms page, cached per view: reload it");
    System.out.println("  " + base + "/vary       one cached copy per Accept-Language");
    System.out.println("  " + base + "/never      never cached");
    System.out.println("  " + base + "/fragments  a page with a fragment-cached sidebar");
    System.out.println("  " + base + "/counter    a visit counter in a cache-backed session");
    System.out.println(
        "  "
            + base
            + "/layered    a layered cache: memory over "
            + (redis == null ? "files" : "Redis"));
    System.out.println("  " + base + "/_larder/   the cache dashboard");
    new CountDownLatch(1).await();
    return 0;
  }
}
