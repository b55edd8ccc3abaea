package io.larder.jcache;

import io.larder.spi.Channels;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.event.EventType;

/**
 * A cache's entry events among the processes that share its store, on the store's {@link Channels}
 * (Redis pub/sub): every change a JCache makes is published as {@code <origin> <TYPE> <key>} on
 * {@code larder:jcache:<made key prefix>}, and a cache with listeners subscribes to hear the
 * others'. A message carries the stored key only: the receiver reads the value from the store as
 * the event arrives (null if the entry has changed or gone since), and has no old value to give. While the subscription's connection is down, other processes'
 * events are lost (not replayed); the cache's own entries are unaffected.
 */
final class SharedEvents {
  private static final Logger LOG = Logger.getLogger(SharedEvents.class.getName());
  private static final long CONNECT_WAIT_SECONDS = 10;

  private final Channels channels;
  private final String channel;
  private final String origin = UUID.randomUUID().toString();
  private Channels.Subscription subscription;
  private volatile boolean closed;

  private SharedEvents(Channels channels, String channel) {
    this.channels = channels;
    this.channel = channel;
  }

  /** The shared events of {@code cache}'s store, or null if it offers no channels. */
  static SharedEvents of(io.larder.Cache cache) {
    Channels channels;
    try {
      channels = cache.unwrap(Channels.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return channels == null ? null : new SharedEvents(channels, "larder:jcache:" + cache.makeKey(""));
  }

  /** Tells the other processes of a change; a failure is logged, as the change is already made. */
  void publish(EventType type, String key) {
    try {
      channels.publish(channel, origin + " " + type.name() + " " + key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not publish a cache entry event on " + channel, e);
    }
  }

  /**
   * Subscribes, once, and waits (a bounded time) until the subscription is live, so that the other
   * processes' changes from then on are heard.
   */
  synchronized void listen(BiConsumer<EventType, String> heard) {
    if (subscription != null) {
      return;
    }
    CountDownLatch live = new CountDownLatch(1);
    subscription =
        channels.subscribe(
            channel,
            new Channels.Subscriber() {
              @Override
              public void received(String message) {
                String[] parts = message.split(" ", 3);
                if (parts.length == 3 && !parts[0].equals(origin)) {
                  heard.accept(EventType.valueOf(parts[1]), parts[2]);
                }
              }

              @Override
              public void connected() {
                live.countDown();
              }

              @Override
              public void disconnected() {
                if (closed) {
                  return;
                }
                LOG.warning(
                    "Lost the subscription to " + channel
                        + ": other processes' entry events are missed until it is back");
              }
            });
    try {
      if (!live.await(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warning(
            "The subscription to " + channel + " is not live yet: other processes' entry events"
                + " are heard once it is");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  synchronized void close() {
    closed = true;
    if (subscription != null) {
      subscription.close();
      subscription = null;
    }
  }
}
