package io.larder.redis;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The pooled Jedis connections of one cache, lent one per command.
 *
 * <p>A connection that failed is dropped <em>without a replacement opened on the caller's
 * thread</em>. commons-pool2 (2.13) opens one on every invalidation, and against a hung server
 * (SIGSTOP: connections accepted, nothing answered) its handshake cost each failing call a second
 * socket timeout ({@code RedisFaultTest.aHungServerCostsOneTimeoutPerCallAndNothingOnceTheBreakerIsOpen}
 * holds a call to one). The pool's idle connections go with it: after a restart they
 * are all dead, and each would otherwise fail one call. Connections are opened again as calls need
 * them.
 */
final class JedisConnections implements AutoCloseable {
  private final ThreadLocal<Boolean> dropping = ThreadLocal.withInitial(() -> false);
  private final ConnectionPool pool;
  private final int most;
  // Counted here rather than asked of the pool, whose count takes the idle queue's lock.
  private final AtomicInteger lent = new AtomicInteger();

  JedisConnections(
      HostAndPort server, JedisClientConfig client, GenericObjectPoolConfig<Connection> config) {
    this.pool = new ConnectionPool(new NoReplacement(new ConnectionFactory(server, client)), config);
    this.most = config.getMaxTotal();
  }

  /** True when every connection the pool may open is lent out: a caller would have to wait. */
  boolean allLent() {
    return lent.get() >= most;
  }

  /** Runs {@code command} on a lent connection, giving it back, or dropping it if it failed. */
  <T> T run(Function<Connection, T> command) {
    lent.incrementAndGet();
    try {
      return lend(command);
    } finally {
      lent.decrementAndGet();
    }
  }

  private <T> T lend(Function<Connection, T> command) {
    Connection connection = pool.getResource();
    T result;
    try {
      result = command.apply(connection);
    } catch (JedisConnectionException e) {
      drop(connection);
      throw e;
    } catch (RuntimeException e) {
      connection.close(); // an answer such as WRONGTYPE leaves the connection usable
      throw e;
    }
    connection.close();
    return result;
  }

  private void drop(Connection failed) {
    dropping.set(true);
    try {
      failed.close(); // destroys it; the replacement the pool then asks for is refused below
    } catch (RuntimeException refusedReplacement) {
      // expected: the pool reports the refused replacement after destroying the connection
    } finally {
      dropping.set(false);
    }
    pool.clear();
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Jedis's factory, except that it opens nothing while a failed connection is being dropped. */
  private final class NoReplacement implements PooledObjectFactory<Connection> {
    private final ConnectionFactory jedis;

    NoReplacement(ConnectionFactory jedis) {
      this.jedis = jedis;
    }

    @Override
    public PooledObject<Connection> makeObject() throws Exception {
      if (dropping.get()) {
        throw new IllegalStateException("no replacement while dropping a failed connection");
      }
      return jedis.makeObject();
    }

    @Override
    public void destroyObject(PooledObject<Connection> connection) throws Exception {
      jedis.destroyObject(connection);
    }

    @Override
    public boolean validateObject(PooledObject<Connection> connection) {
      return jedis.validateObject(connection);
    }

    @Override
    public void activateObject(PooledObject<Connection> connection) throws Exception {
      jedis.activateObject(connection);
    }

    @Override
    public void passivateObject(PooledObject<Connection> connection) throws Exception {
      jedis.passivateObject(connection);
    }
  }
}
