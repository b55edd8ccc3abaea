package io.larder.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Redis topologies shared by every test class of a JVM run: each is started on first use and
 * stopped when the JVM exits. Tests that kill or reconfigure a server start their own with {@link
 * RedisServer#start}.
 *
 * <pre>{@code
 * String url = RedisServers.standalone().url(3);
 * List<String> seeds = RedisServers.cluster().seedUrls();
 * }</pre>
 */
public final class RedisServers {
  private static final Duration READY = Duration.ofSeconds(30);

  private static RedisServer standalone;
  private static Replicated replicated;
  private static Sentinels sentinels;
  private static Cluster cluster;
  private static final List<AutoCloseable> started = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(RedisServers::stopAll, "redis-servers-stop"));
  }

  private RedisServers() {}

  /** A primary and its replica, replicating. */
  public record Replicated(RedisServer primary, RedisServer replica) {}

  /**
   * A primary, a replica and two sentinels watching them as {@link #masterName()}.
   *
   * @param sentinels the sentinels' servers
   */
  public record Sentinels(
      String masterName, RedisServer primary, RedisServer replica, List<RedisServer> sentinels) {
    /** The sentinels as {@code host:port}. */
    public List<String> addresses() {
      return sentinels.stream().map(RedisServer::address).toList();
    }

    /** The port of the server the sentinels now consider the primary. */
    public int currentPrimaryPort() {
      String reply = sentinels.get(0).command("SENTINEL", "get-master-addr-by-name", masterName);
      return Integer.parseInt(reply.split("\n")[1]);
    }

    /**
     * Asks the first sentinel to fail over, and returns once it has accepted. A sentinel answers
     * {@code NOGOODSLAVE} until it has fresh {@code INFO} from a replica whose link to the primary
     * is up (it polls replicas every 10 s), so this waits for such a replica and retries that
     * refusal within {@code max}.
     */
    public void failOver(Duration max) {
      RedisServer sentinel = sentinels.get(0);
      sentinel.awaitReply(max, Sentinels::hasPromotableReplica, "SENTINEL", "replicas", masterName);
      long deadline = System.nanoTime() + max.toNanos();
      while (true) {
        try {
          sentinel.command("SENTINEL", "FAILOVER", masterName);
          return;
        } catch (AssertionError refused) {
          if (!String.valueOf(refused.getMessage()).contains("NOGOODSLAVE")
              || System.nanoTime() > deadline) {
            throw refused;
          }
          RedisServer.pause();
        }
      }
    }

    /**
     * Whether {@code SENTINEL REPLICAS}' reply (each replica's fields as name and value lines)
     * names a replica the sentinel would promote: flags exactly {@code slave}, link to the primary
     * {@code ok}, and {@code INFO} fresher than the sentinel's 30 s validity.
     */
    private static boolean hasPromotableReplica(String reply) {
      if (reply == null) {
        return false;
      }
      String[] lines = reply.split("\n");
      Map<String, String> fields = new HashMap<>();
      for (int i = 0; i + 1 < lines.length; i += 2) {
        if (lines[i].equals("name") && !fields.isEmpty()) {
          if (promotable(fields)) {
            return true;
          }
          fields.clear();
        }
        fields.put(lines[i], lines[i + 1]);
      }
      return promotable(fields);
    }

    private static boolean promotable(Map<String, String> replica) {
      return "slave".equals(replica.get("flags"))
          && "ok".equals(replica.get("master-link-status"))
          && Long.parseLong(replica.getOrDefault("info-refresh", "" + Long.MAX_VALUE)) < 20_000;
    }
  }

  /** A Redis Cluster of three primaries, each serving a third of the slots. */
  public record Cluster(List<RedisServer> nodes) {
    /** Each node's {@code redis://127.0.0.1:PORT} URL. */
    public List<String> seedUrls() {
      return nodes.stream().map(n -> "redis://" + n.address()).toList();
    }
  }

  /** One standalone server. */
  public static synchronized RedisServer standalone() {
    if (standalone == null) {
      standalone = track(RedisServer.start());
    }
    return standalone;
  }

  /** A primary with one replica, the replica's link up. */
  public static synchronized Replicated primaryWithReplica() {
    if (replicated == null) {
      replicated = replicate();
    }
    return replicated;
  }

  /** A Sentinel set-up that knows its replica, so that it can fail over. */
  public static synchronized Sentinels sentinel() {
    if (sentinels == null) {
      Replicated pair = replicate();
      String master = "larder-primary";
      List<RedisServer> watching = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        watching.add(track(RedisServer.startSentinel(master, pair.primary().port())));
      }
      for (RedisServer sentinel : watching) {
        sentinel.awaitReply(
            READY,
            r -> r != null && r.contains(String.valueOf(pair.replica().port())),
            "SENTINEL",
            "replicas",
            master);
      }
      sentinels = new Sentinels(master, pair.primary(), pair.replica(), List.copyOf(watching));
    }
    return sentinels;
  }

  /** A three-primary cluster, its state ok on every node. */
  public static synchronized Cluster cluster() {
    if (cluster == null) {
      List<RedisServer> nodes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        nodes.add(
            track(
                RedisServer.start(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "5000",
                    "--cluster-port", String.valueOf(RedisServer.freePort()))));
      }
      createCluster(nodes);
      for (RedisServer node : nodes) {
        node.awaitReply(READY, r -> r.contains("cluster_state:ok"), "CLUSTER", "INFO");
      }
      cluster = new Cluster(List.copyOf(nodes));
    }
    return cluster;
  }

  private static Replicated replicate() {
    RedisServer primary = track(RedisServer.start());
    RedisServer replica = track(RedisServer.start("--replicaof", "127.0.0.1 " + primary.port()));
    replica.awaitReply(READY, r -> r.contains("master_link_status:up"), "INFO", "replication");
    return new Replicated(primary, replica);
  }

  private static void createCluster(List<RedisServer> nodes) {
    List<String> command = new ArrayList<>();
    command.add(RedisServer.executable("redis-cli", "redis-tools"));
    command.add("--cluster");
    command.add("create");
    nodes.forEach(n -> command.add(n.address()));
    command.add("--cluster-yes");
    ChildProcess.run(
        "redis-cli --cluster create", Duration.ofSeconds(60), new ProcessBuilder(command));
  }

  private static synchronized RedisServer track(RedisServer server) {
    started.add(server);
    return server;
  }

  private static synchronized void stopAll() {
    for (AutoCloseable server : started) {
      try {
        server.close();
      } catch (Exception e) {
        // stopping the rest matters more
      }
    }
    started.clear();
  }
}
