package io.larder.spi;

/**
 * A shared store that tells of every change to its keys, by any writer: Larder in any process,
 * Django, a command-line client. A {@code chain} uses it to drop its local copies of keys another
 * writer changed, without that writer's help (Redis: server-assisted client-side caching, {@code
 * CLIENT TRACKING} in broadcast mode). A store offers it through {@link CacheStore#extension},
 * asked with {@code extension(KeyChanges.class, null)}, and may answer null when the server
 * cannot (Redis before 6, a managed Redis that refuses {@code CLIENT}).
 *
 * <pre>{@code
 * KeyChanges changes = store.extension(KeyChanges.class, null);
 * Channels.Subscription s = changes.watch("shop:", new KeyChanges.Listener() {
 *   public void changed(String key) { dropLocalCopy(key); }
 *   public void changedEverything() { clearLocalCopies(); }
 *   public void connected() { clearLocalCopies(); }     // changes may have been missed
 *   public void disconnected() { stopUsingLocalCopies(); }
 * });
 * }</pre>
 *
 * @since 0.1
 */
public interface KeyChanges {
  /**
   * The name of this kind of source, as the {@code coherence} option of a chain names it: {@code
   * tracking} (Redis), {@code events} (Hazelcast), {@code notify} (PostgreSQL).
   *
   * @return the source's name
   */
  String name();

  /**
   * Tells {@code listener} of every change to a key that starts with {@code prefix}, until the
   * subscription is closed. Never fails for a store that cannot be reached: it keeps trying, and
   * tells the listener when changes flow ({@link Listener#connected}) and when they may be missed
   * ({@link Listener#disconnected}). Callbacks run on the transport's threads: a listener must not
   * block in them.
   *
   * @param prefix the stored keys' common start (a chain's key prefix and its colon)
   * @param listener what hears the changes
   * @return the subscription, to close
   */
  Channels.Subscription watch(String prefix, Listener listener);

  /** Hears a store's changes and the state of the connection they come by. */
  interface Listener {
    /**
     * The value of {@code key} changed, or the key expired, was evicted or was deleted.
     *
     * @param key the stored key
     */
    void changed(String key);

    /** Every key may have changed ({@code FLUSHDB}, {@code FLUSHALL}). */
    void changedEverything();

    /** Changes flow, at first or again: every change from now on is told. */
    void connected();

    /** The connection is down: changes from now until {@link #connected} are not told. */
    void disconnected();
  }
}
