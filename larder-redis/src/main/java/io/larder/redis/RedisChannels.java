package io.larder.redis;

import io.larder.spi.Channels;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis pub/sub as {@link Channels}: {@code PUBLISH} on the cache's connection, and one dedicated
 * subscriber connection per subscription ({@link ListeningConnection}), which Lettuce reconnects
 * and resubscribes by itself. A
 * subscription is live from Redis's confirmation of {@code SUBSCRIBE} (after every reconnection)
 * until the connection drops. In a cluster, {@code PUBLISH} reaches the subscribers on every node.
 */
final class RedisChannels implements Channels, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisChannels.class);

  private final String alias;
  private final GuardedConnection redis;
  private final RedisConnection connection;
  private final Set<ListeningConnection<?>> open = ConcurrentHashMap.newKeySet();

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
    listening.start("larder-redis-" + alias + "-subscribing");
    return listening;
  }

  /** Closes every subscription, with the cache. */
  @Override
  public void close() {
    open.forEach(ListeningConnection::close);
  }

  /** One subscription; Lettuce resubscribes by itself after reconnecting. */
  private final class Listening extends ListeningConnection<StatefulRedisPubSubConnection<String, String>> {
    private final String channel;
    private final Subscriber subscriber;
    private final RedisPubSubAdapter<String, String> messages =
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            subscriber.received(message);
          }

          @Override
          public void subscribed(String channel, long count) {
            subscriber.connected();
          }
        };

    Listening(String channel, Subscriber subscriber) {
      super(alias, open);
      this.channel = channel;
      this.subscriber = subscriber;
    }

    @Override
    StatefulRedisPubSubConnection<String, String> connectNew() {
      return connection.connectPubSub();
    }

    @Override
    void listen(StatefulRedisPubSubConnection<String, String> pubSub) {
      pubSub.addListener(messages);
      pubSub.async().subscribe(channel);
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      subscriber.disconnected();
    }
  }
}
