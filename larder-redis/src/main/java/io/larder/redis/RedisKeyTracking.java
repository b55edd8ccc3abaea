package io.larder.redis;

import io.larder.BackendUnavailableException;
import io.larder.spi.Channels;
import io.larder.spi.KeyChanges;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis's server-assisted client-side caching as {@link KeyChanges}: one dedicated RESP3 connection
 * per watch runs {@code CLIENT TRACKING on BCAST PREFIX p}, and Redis pushes an {@code invalidate}
 * message for every change to a key under {@code p}, by any client, its expiry and eviction
 * included, and one without keys for {@code FLUSHDB}/{@code FLUSHALL}. Tracking belongs to the
 * connection: after Lettuce reconnects it, tracking is turned on again, and changes flow (the watch
 * is {@link KeyChanges.Listener#connected connected}) only once Redis has accepted it.
 *
 * <p>Offered on a standalone server, a primary with replicas and Sentinel, from Redis 6; not in a
 * cluster, where a connection tracks only its node's slots.
 */
final class RedisKeyTracking implements KeyChanges, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisKeyTracking.class);

  private final String alias;
  private final GuardedConnection redis;
  private final RedisConnection connection;
  private final Set<ListeningConnection<?>> open = ConcurrentHashMap.newKeySet();
  private volatile Boolean offered;

  RedisKeyTracking(String alias, GuardedConnection redis, RedisConnection connection) {
    this.alias = alias;
    this.redis = redis;
    this.connection = connection;
  }

  /**
   * Whether the server tracks keys for its clients: asked once, of the cache's own connection. A
   * server that cannot be reached yet is taken to (Redis 6+ is the norm); one that refuses {@code
   * CLIENT TRACKING} (older, or a managed Redis that disables {@code CLIENT}) does not.
   */
  boolean offered() {
    Boolean known = offered;
    if (known == null) {
      known = ask();
      offered = known;
    }
    return known;
  }

  private boolean ask() {
    boolean cluster;
    try {
      cluster = connection.isCluster();
    } catch (RuntimeException unreachable) {
      return true;
    }
    if (cluster) {
      log.info(
          "Cache '{}': a cluster tracks keys per node; chains over it keep each other coherent by"
              + " publishing their changes",
          alias);
      return false;
    }
    try {
      // Turning tracking off on a connection that does not track is harmless, and refused exactly
      // where tracking is (before Redis 6, or with CLIENT disabled).
      redis.call("client_tracking", c -> c.clientTracking(TrackingArgs.Builder.enabled(false)));
      return true;
    } catch (BackendUnavailableException e) {
      if (e.getCause() instanceof RedisCommandExecutionException refused) {
        log.info(
            "Cache '{}': the server refuses key tracking ({}); chains over it keep each other"
                + " coherent by publishing their changes",
            alias,
            refused.getMessage());
        return false;
      }
      return true;
    }
  }

  @Override
  public String name() {
    return "tracking";
  }

  @Override
  public Channels.Subscription watch(String prefix, Listener listener) {
    Watching watching = new Watching(prefix, listener);
    watching.start("larder-redis-" + alias + "-tracking");
    return watching;
  }

  /** Closes every watch, with the cache. */
  @Override
  public void close() {
    open.forEach(ListeningConnection::close);
  }

  /** One watch: tracking turned on again each time Lettuce reconnects. */
  private final class Watching extends ListeningConnection<StatefulRedisConnection<String, String>>
      implements PushListener {
    private final String prefix;
    private final Listener listener;

    Watching(String prefix, Listener listener) {
      super(alias, open);
      this.prefix = prefix;
      this.listener = listener;
    }

    @Override
    StatefulRedisConnection<String, String> connectNew() {
      StatefulRedisConnection<String, String> c = connection.connectTracking();
      if (c == null) {
        log.warn(
            "Cache '{}': found a cluster, which tracks keys per node; local copies stay"
                + " bypassed (set the chain's coherence to publish)",
            alias);
      }
      return c;
    }

    @Override
    void listen(StatefulRedisConnection<String, String> tracking) {
      tracking.addListener((PushListener) this);
      track(tracking);
    }

    private void track(StatefulRedisConnection<String, String> c) {
      TrackingArgs args = TrackingArgs.Builder.enabled().bcast();
      if (!prefix.isEmpty()) {
        args.prefixes(prefix);
      }
      c.async()
          .clientTracking(args)
          .whenComplete(
              (ok, failure) -> {
                if (failure == null) {
                  listener.connected();
                } else if (!isClosed()) {
                  log.warn(
                      "Cache '{}': the server refused to track keys under '{}': {}; local copies"
                          + " stay bypassed",
                      alias,
                      prefix,
                      failure.getMessage());
                }
              });
    }

    @Override
    public void onPushMessage(PushMessage message) {
      if (!"invalidate".equals(message.getType())) {
        return;
      }
      List<Object> content =
          message.getContent(buffer -> StandardCharsets.UTF_8.decode(buffer).toString());
      Object keys = content.size() > 1 ? content.get(1) : null;
      if (keys instanceof List<?> list) {
        for (Object key : list) {
          listener.changed(String.valueOf(key));
        }
      } else {
        listener.changedEverything();
      }
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      StatefulRedisConnection<String, String> c = connection();
      if (c != null && !isClosed()) {
        track(c); // a new connection: the server has forgotten the old one's tracking
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      listener.disconnected();
    }
  }
}
