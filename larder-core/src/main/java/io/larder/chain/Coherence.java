package io.larder.chain;

import io.larder.BackendUnavailableException;
import io.larder.spi.Channels;
import io.larder.spi.KeyChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a chain's local tiers coherent with other writers, from one of two sources:
 *
 * <ul>
 *   <li>{@code tracking} (and any other {@link KeyChanges} source): the shared store itself tells of
 *       every change to the chain's keys, whoever the writer (Django, a plain cache, a command-line
 *       client), and this drops the local copies;
 *   <li>{@code publish}: a shared tier's {@link Channels}. Every write through a chain publishes the
 *       keys it changed, and every other process's chain on the same channel drops its local copies
 *       of them; writers that are not chains are not heard.
 * </ul>
 *
 * While the source is down the local tiers must not be used (changes are being missed), and they
 * are cleared when it comes back.
 *
 * <p>A published message is the publisher's id, then {@code *} for everything (a {@code clear}) or
 * each key as {@code length:key}, so keys may hold any character.
 */
final class Coherence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Coherence.class);

  private final String alias;
  private final String tierAlias;
  private final String source;

  /** Null when the store tells of changes itself: nothing to publish. */
  private final Channels channels;

  private final String channel;
  private final boolean failsOpen;
  private final String origin = UUID.randomUUID().toString();
  private final Consumer<String> dropKey;
  private final Runnable dropAll;

  /**
   * Messages and reconnections are handled here, in order, off the transport's threads: dropping a
   * copy takes the key's write lock, which a writer may hold while it waits for that transport.
   */
  private final ExecutorService handler;

  private volatile boolean live;
  private volatile boolean closed;

  /**
   * Changes at every disconnection, so that a reconnection handled late does not revive a newer
   * outage.
   */
  private final AtomicLong outages = new AtomicLong();

  private final Channels.Subscription subscription;

  private Coherence(
      String alias,
      String tierAlias,
      String source,
      Channels channels,
      String channel,
      boolean failsOpen,
      Consumer<String> dropKey,
      Runnable dropAll,
      Function<Coherence, Channels.Subscription> subscribe) {
    this.alias = alias;
    this.tierAlias = tierAlias;
    this.source = source;
    this.channels = channels;
    this.channel = channel;
    this.failsOpen = failsOpen;
    this.dropKey = dropKey;
    this.dropAll = dropAll;
    this.handler =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "larder-chain-" + alias + "-invalidations");
              thread.setDaemon(true);
              return thread;
            });
    this.subscription = subscribe.apply(this);
  }

  /**
   * Coherence through {@code channels}: this chain publishes its changes on {@code channel} and
   * drops what other chains publish there.
   *
   * @param dropKey drops the local copies of a chain key (under the key's write lock)
   * @param dropAll clears the local tiers (under every write lock)
   */
  static Coherence published(
      String alias,
      String tierAlias,
      Channels channels,
      String channel,
      boolean failsOpen,
      Consumer<String> dropKey,
      Runnable dropAll) {
    return new Coherence(
        alias,
        tierAlias,
        "publish",
        channels,
        channel,
        failsOpen,
        dropKey,
        dropAll,
        c -> channels.subscribe(channel, c.new Hearing()));
  }

  /**
   * Coherence told by the store: every change to a key under {@code prefix}, by any writer, drops
   * its local copies.
   */
  static Coherence told(
      String alias,
      String tierAlias,
      KeyChanges changes,
      String prefix,
      Consumer<String> dropKey,
      Runnable dropAll) {
    return new Coherence(
        alias,
        tierAlias,
        changes.name(),
        null,
        null,
        true,
        dropKey,
        dropAll,
        c -> changes.watch(prefix, c.new Hearing()));
  }

  /** The source's name, as the {@code coherence} option spells it. */
  String source() {
    return source;
  }

  /** True while every other writer's change reaches this process: the local tiers may be used. */
  boolean live() {
    return live;
  }

  /** Tells the other processes that {@code keys} changed, where they hear it from this chain. */
  void changed(Collection<String> keys) {
    if (keys.isEmpty() || channels == null) {
      return;
    }
    StringBuilder message = new StringBuilder(origin).append(' ');
    for (String key : keys) {
      message.append(key.length()).append(':').append(key);
    }
    publish(message.toString());
  }

  /** Tells the other processes that everything changed ({@code clear}). */
  void changedEverything() {
    if (channels != null) {
      publish(origin + " *");
    }
  }

  private void publish(String message) {
    try {
      channels.publish(channel, message);
    } catch (BackendUnavailableException e) {
      if (!failsOpen) {
        throw e;
      }
      // The subscribers' connections to that server are most likely down too: they stop using
      // their local tiers, and clear them when it returns.
      log.warn(
          "Cache '{}': could not tell other processes of a change through tier '{}': {}",
          alias,
          tierAlias,
          e.getMessage());
    }
  }

  private void handle(String message) {
    int space = message.indexOf(' ');
    if (space < 0 || message.startsWith(origin + " ")) {
      return; // our own change, already applied here; or not a chain's message
    }
    if (message.length() == space + 2 && message.charAt(space + 1) == '*') {
      dropEverything();
      return;
    }
    for (String key : keys(message, space + 1)) {
      drop(key);
    }
  }

  private void drop(String key) {
    dropKey.accept(key);
    log.debug("Cache '{}': {} dropped from the local tiers, changed by another writer", alias, key);
  }

  private void dropEverything() {
    dropAll.run();
    log.debug("Cache '{}': local tiers cleared: another writer changed everything", alias);
  }

  private List<String> keys(String message, int start) {
    List<String> keys = new ArrayList<>();
    int at = start;
    try {
      while (at < message.length()) {
        int colon = message.indexOf(':', at);
        int length = Integer.parseInt(message, at, colon, 10);
        keys.add(message.substring(colon + 1, colon + 1 + length));
        at = colon + 1 + length;
      }
    } catch (RuntimeException e) {
      log.warn("Cache '{}': ignoring a malformed message on channel {}", alias, channel);
    }
    return keys;
  }

  private void connected() {
    long outage = outages.get();
    handler.execute(
        () -> {
          // Changes may have been missed while we were not listening: nothing local can be trusted.
          dropAll.run();
          live = true;
          if (outages.get() != outage) {
            live = false; // disconnected again meanwhile: its own reconnection will follow
          } else {
            log.info(
                "Cache '{}': invalidations ({}) through tier '{}' live; local tiers in use",
                alias,
                source,
                tierAlias);
          }
        });
  }

  private void disconnected() {
    outages.incrementAndGet();
    if (closed) {
      live = false;
      return;
    }
    boolean wasLive = live;
    live = false;
    if (wasLive) {
      log.warn(
          "Cache '{}': invalidations ({}) through tier '{}' lost; local tiers bypassed until they"
              + " return",
          alias,
          source,
          tierAlias);
    }
  }

  @Override
  public void close() {
    closed = true;
    live = false;
    subscription.close();
    handler.shutdownNow();
  }

  /** Hears other chains' messages on the channel, or the store's own account of its changes. */
  private final class Hearing implements Channels.Subscriber, KeyChanges.Listener {
    @Override
    public void received(String message) {
      handler.execute(() -> handle(message));
    }

    @Override
    public void changed(String key) {
      handler.execute(() -> drop(key));
    }

    @Override
    public void changedEverything() {
      handler.execute(Coherence.this::dropEverything);
    }

    @Override
    public void connected() {
      Coherence.this.connected();
    }

    @Override
    public void disconnected() {
      Coherence.this.disconnected();
    }
  }
}
