package io.larder.redis;

import io.larder.spi.Channels;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulConnection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection of its own on which Redis tells a cache something (a pub/sub subscription, key
 * tracking): opened on a daemon thread and tried again every half second while Redis cannot be
 * reached, then kept by Lettuce, which reconnects it; closed once, with what it serves.
 *
 * @param <C> the kind of connection
 */
abstract class ListeningConnection<C extends StatefulConnection<String, String>>
    implements Channels.Subscription, RedisConnectionStateListener {
  private static final Logger log = LoggerFactory.getLogger(ListeningConnection.class);
  private static final long RETRY_MILLIS = 500;

  private final String alias;
  private final Set<ListeningConnection<?>> open;
  private volatile C current;
  private volatile boolean closed;

  /**
   * @param alias the cache's alias, for the log
   * @param open the owner's open connections, which this joins until closed
   */
  ListeningConnection(String alias, Set<ListeningConnection<?>> open) {
    this.alias = alias;
    this.open = open;
  }

  /**
   * Starts connecting. Connecting may wait for a connect timeout: never in the caller's thread (a
   * cache being built) nor in Lettuce's.
   */
  final void start(String threadName) {
    open.add(this);
    Thread connecting = new Thread(this::connect, threadName);
    connecting.setDaemon(true);
    connecting.start();
  }

  /** A new connection, or null when there can never be one (the reason logged). */
  abstract C connectNew();

  /** Starts listening on the connection just made, this already listening to its state. */
  abstract void listen(C connection);

  /** The connection, once made; null before. */
  final C connection() {
    return current;
  }

  final boolean isClosed() {
    return closed;
  }

  private void connect() {
    while (!closed) {
      try {
        C c = connectNew();
        if (c == null) {
          return;
        }
        c.addListener(this);
        synchronized (this) {
          current = c;
          if (closed) {
            c.close();
            return;
          }
        }
        listen(c);
        return;
      } catch (RuntimeException e) {
        log.debug("Cache '{}': cannot connect to listen yet: {}", alias, e.toString());
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  @Override
  public final synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    open.remove(this);
    C c = current;
    if (c != null) {
      c.close();
    }
  }
}
