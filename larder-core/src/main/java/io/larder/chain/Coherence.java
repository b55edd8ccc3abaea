package io.larder.chain;

import io.larder.BackendUnavailableException;
import io.larder.spi.Channels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a chain's local tiers coherent with other processes through a shared tier's {@link
 * Channels}: every write through a chain publishes the keys it changed, and every other process's
 * chain on the same channel drops its local copies of them. While the channel is down the local
 * tiers must not be used (messages are being lost), and they are cleared when it comes back.
 *
 * <p>A message is the publisher's id, then {@code *} for everything (a {@code clear}) or each key
 * as {@code length:key}, so keys may hold any character.
 */
final class Coherence implements Channels.Subscriber, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Coherence.class);

  private final String alias;
  private final String tierAlias;
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

  /**
   * @param dropKey drops the local copies of a chain key (under the key's write lock)
   * @param dropAll clears the local tiers (under every write lock)
   */
  Coherence(
      String alias,
      String tierAlias,
      Channels channels,
      String channel,
      boolean failsOpen,
      Consumer<String> dropKey,
      Runnable dropAll) {
    this.alias = alias;
    this.tierAlias = tierAlias;
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
    this.subscription = channels.subscribe(channel, this);
  }

  /** True while every other process's write reaches this process: the local tiers may be used. */
  boolean live() {
    return live;
  }

  /** Tells the other processes that {@code keys} changed. */
  void changed(Collection<String> keys) {
    if (keys.isEmpty()) {
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
    publish(origin + " *");
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

  @Override
  public void received(String message) {
    handler.execute(() -> handle(message));
  }

  private void handle(String message) {
    int space = message.indexOf(' ');
    if (space < 0 || message.startsWith(origin + " ")) {
      return; // our own change, already applied here; or not a chain's message
    }
    if (message.length() == space + 2 && message.charAt(space + 1) == '*') {
      dropAll.run();
      log.debug("Cache '{}': local tiers cleared by another process's clear", alias);
      return;
    }
    for (String key : keys(message, space + 1)) {
      dropKey.accept(key);
      log.debug(
          "Cache '{}': {} dropped from the local tiers, changed by another process", alias, key);
    }
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

  @Override
  public void connected() {
    long outage = outages.get();
    handler.execute(
        () -> {
          // Messages may have been lost while we were not listening: nothing local can be trusted.
          dropAll.run();
          live = true;
          if (outages.get() != outage) {
            live = false; // disconnected again meanwhile: its own reconnection will follow
          } else {
            log.info(
                "Cache '{}': invalidations through tier '{}' live; local tiers in use",
                alias,
                tierAlias);
          }
        });
  }

  @Override
  public void disconnected() {
    outages.incrementAndGet();
    if (closed) {
      live = false;
      return;
    }
    boolean wasLive = live;
    live = false;
    if (wasLive) {
      log.warn(
          "Cache '{}': invalidations through tier '{}' lost; local tiers bypassed until they"
              + " return",
          alias,
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
}
