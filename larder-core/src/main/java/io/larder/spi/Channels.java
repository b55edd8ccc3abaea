package io.larder.spi;

/**
 * Messages between the processes that share a store: what a shared store offers (Redis: pub/sub) so
 * that caches keeping local copies of its keys hear when another process changes them. A store
 * offers it through {@link CacheStore#extension}, asked with {@code extension(Channels.class,
 * null)} (it is not bound to keys).
 *
 * <pre>{@code
 * Channels channels = store.extension(Channels.class, null);
 * Channels.Subscription s = channels.subscribe("larder:chain:default", new Channels.Subscriber() {
 *   public void received(String message) { dropLocalCopy(message); }
 *   public void connected() { clearLocalCopies(); }   // messages may have been missed
 *   public void disconnected() { stopUsingLocalCopies(); }
 * });
 * channels.publish("larder:chain:default", "user:42");
 * }</pre>
 *
 * @since 0.1
 */
public interface Channels {
  /**
   * Sends {@code message} to every subscriber of {@code channel}, in every process (this one
   * included).
   *
   * @param channel the channel's name; not null
   * @param message the text to send; not null
   * @throws io.larder.BackendUnavailableException if the store cannot be reached
   */
  void publish(String channel, String message);

  /**
   * Listens to {@code channel} until the subscription is closed. Never fails for a store that
   * cannot be reached: it keeps trying, and tells {@code subscriber} when messages flow ({@link
   * Subscriber#connected}) and when they may be lost ({@link Subscriber#disconnected}). Callbacks
   * run on the transport's threads: a subscriber must not block in them.
   *
   * @param channel the channel's name; not null
   * @param subscriber hears the messages and the connection's state; not null
   * @return the subscription; close it to stop listening
   */
  Subscription subscribe(String channel, Subscriber subscriber);

  /** Hears a channel's messages and the state of the connection they come by. */
  interface Subscriber {
    /**
     * A message published on the channel, in the order they were published.
     *
     * @param message the text published
     */
    void received(String message);

    /** The subscription is live, at first or again: every message from now on is delivered. */
    void connected();

    /** The connection is down: messages published from now until {@link #connected} are lost. */
    void disconnected();
  }

  /** A live {@link #subscribe subscription}; closing it twice does nothing. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
