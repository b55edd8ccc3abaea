package io.larder.redis;

import io.larder.spi.Channels;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis pub/sub as {@link Channels}: {@code PUBLISH} on the cache's connection, and one dedicated
 * subscriber connection per subscription, which Lettuce reconnects and resubscribes by itself. A
 * subscription is live from Redis's confirmation of {@code SUBSCRIBE} (after every reconnection)
 * until the connection drops. In a cluster, {@code PUBLISH} reaches the subscribers on every node.
 */
final class RedisChannels implements Channels, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisChannels.class);
  private static final long RETRY_MILLIS = 500;

  private final String alias;
  private final GuardedConnection redis;
  private final RedisConnection connection;
  private final Set<Listening> open = ConcurrentHashMap.newKeySet();

  RedisChannels(String alias, GuardedConnection redis, RedisConnection connection) {
    this.alias = alias;
    this.redis = redis;
    this.connection = connection;
  }

  @Override
  public void publish(String channel, String message) {
    byte[] rawChannel = channel.getBytes(StandardCharsets.UTF_8);
    byte[] rawMessage = message.getBytes(StandardCharsets.UTF_8);
    redis.call("publish", c -> c.publish(rawChannel, rawMessage));
  }

  @Override
  public Subscription subscribe(String channel, Subscriber subscriber) {
    Listening listening = new Listening(channel, subscriber);
    open.add(listening);
    // Connecting may wait for a connect timeout: never in the caller's thread (a cache being
    // built) nor in Lettuce's. Once connected, Lettuce reconnects and resubscribes by itself.
    Thread connecting = new Thread(listening::connect, "larder-redis-" + alias + "-subscribing");
    connecting.setDaemon(true);
    connecting.start();
    return listening;
  }

  /** Closes every subscription, with the cache. */
  @Override
  public void close() {
    open.forEach(Listening::close);
  }

  /** One subscription: its connection, made again until it can be. */
  private final class Listening extends RedisPubSubAdapter<String, String>
      implements Subscription, RedisConnectionStateListener {
    private final String channel;
    private final Subscriber subscriber;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean closed;

    Listening(String channel, Subscriber subscriber) {
      this.channel = channel;
      this.subscriber = subscriber;
    }

    /** Opens the connection and subscribes, trying again shortly while Redis cannot be reached. */
    void connect() {
      while (!closed) {
        try {
          StatefulRedisPubSubConnection<String, String> c = connection.connectPubSub();
          c.addListener((RedisPubSubListener<String, String>) this);
          c.addListener((RedisConnectionStateListener) this);
          synchronized (this) {
            pubSub = c;
            if (closed) {
              c.close();
              return;
            }
          }
          c.async().subscribe(channel);
          return;
        } catch (RuntimeException e) {
          log.debug("Cache '{}': cannot subscribe to {} yet: {}", alias, channel, e.toString());
          try {
            Thread.sleep(RETRY_MILLIS);
          } catch (InterruptedException interrupted) {
            return;
          }
        }
      }
    }

    @Override
    public void message(String channel, String message) {
      subscriber.received(message);
    }

    @Override
    public void subscribed(String channel, long count) {
      subscriber.connected();
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      subscriber.disconnected();
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      open.remove(this);
      StatefulRedisPubSubConnection<String, String> c = pubSub;
      if (c != null) {
        c.close();
      }
    }
  }
}
