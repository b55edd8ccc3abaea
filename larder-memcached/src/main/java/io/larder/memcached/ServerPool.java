package io.larder.memcached;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.exception.MemcachedClientException;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.exception.MemcachedServerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers of one cache and the ring over those in service. Every key is routed here, and every
 * command runs through {@link #call}, which keeps each server's health: a server that keeps failing
 * leaves the ring, so its keys go to the others, and comes back after {@code dead_timeout}.
 */
final class ServerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerPool.class);

  private final String alias;
  private final List<ServerNode> nodes;
  private final Ring.Hashing hashing;
  private final List<Integer> weights;
  private final InstantSource clock;
  private volatile Routing routing;

  /** The servers in service, the ring over them, and when to look again (a dead one revives). */
  private record Routing(List<ServerNode> live, Ring ring, long revisitAtMillis) {}

  /** A command on one server's connection. */
  @FunctionalInterface
  interface Command<T> {
    T run(MemcachedClient client) throws TimeoutException, InterruptedException, MemcachedException;
  }

  ServerPool(String alias, PoolOptions options, InstantSource clock) {
    this.alias = alias;
    this.hashing = options.hashing();
    this.weights = options.weights();
    this.clock = clock;
    List<ServerNode> made = new ArrayList<>();
    for (Server server : options.servers()) {
      made.add(new ServerNode(server, options, alias));
    }
    this.nodes = List.copyOf(made);
    this.routing = route(clock.millis());
  }

  /** Every server, in service or not. */
  List<ServerNode> nodes() {
    return nodes;
  }

  /**
   * The server {@code key} lives on now.
   *
   * @throws BackendUnavailableException if every server is dead
   */
  ServerNode nodeFor(String key) {
    Routing current = current();
    List<ServerNode> live = current.live();
    if (live.isEmpty()) {
      throw new BackendUnavailableException(
          "Cache '" + alias + "': every memcached server is down (" + nodes + ")");
    }
    if (current.ring() == null) {
      return live.get(0);
    }
    int index = current.ring().serverFor(key);
    if (index < 0) {
      throw new BackendUnavailableException(
          "Cache '"
              + alias
              + "': no memcached server in service for this key after python-memcached's ten"
              + " rehashes (in service: "
              + live
              + " of "
              + nodes
              + ")");
    }
    return live.get(index);
  }

  /** {@code keys} grouped by the server each lives on, in the order given. */
  Map<ServerNode, List<String>> byNode(List<String> keys) {
    Map<ServerNode, List<String>> groups = new LinkedHashMap<>();
    for (String key : keys) {
      groups.computeIfAbsent(nodeFor(key), node -> new ArrayList<>()).add(key);
    }
    return groups;
  }

  /**
   * Runs {@code command} on {@code node}, keeping its health.
   *
   * @throws BackendUnavailableException if the server cannot be reached, times out, or is resting
   *     after a recent failure
   * @throws BackendRefusedException if the server answered with an error (CLIENT_ERROR, SERVER_ERROR)
   */
  <T> T call(ServerNode node, Command<T> command) {
    return call(node, List.of(), command);
  }

  /**
   * {@link #call(ServerNode, Command)} for a command on {@code keys}, refused before it is sent if
   * the server is Hazelcast's memcache endpoint and would answer one of them under another key.
   *
   * @throws io.larder.InvalidCacheKeyException if so
   */
  <T> T call(ServerNode node, List<String> keys, Command<T> command) {
    long now = clock.millis();
    if (node.resting(now)) {
      throw new BackendUnavailableException(
          "Cache '" + alias + "': memcached server " + node + " failed just now; not retried yet");
    }
    try {
      MemcachedClient client = node.client();
      if (node.isHazelcastEndpoint(client)) {
        keys.forEach(key -> HazelcastEndpoint.checkKey(alias, node.server(), key));
      }
      T result = command.run(client);
      node.succeeded();
      return result;
    } catch (MemcachedClientException | MemcachedServerException e) {
      node.succeeded();
      throw new BackendRefusedException(e.getMessage());
    } catch (MemcachedException | TimeoutException | IOException e) {
      throw failure(node, now, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendUnavailableException(
          "Cache '" + alias + "': interrupted while waiting for memcached server " + node, e);
    }
  }

  private BackendUnavailableException failure(ServerNode node, long now, Exception cause) {
    if (node.failed(now)) {
      log.warn(
          "Cache '{}': memcached server {} is out of the ring until {} after repeated failures: {}",
          alias,
          node,
          Instant.ofEpochMilli(node.deadUntil()),
          cause.toString());
      synchronized (this) {
        routing = route(now);
      }
    }
    return new BackendUnavailableException(
        "Cache '" + alias + "': memcached server " + node + " failed: " + cause.getMessage(),
        cause);
  }

  private Routing current() {
    Routing current = routing;
    long now = clock.millis();
    if (now < current.revisitAtMillis()) {
      return current;
    }
    synchronized (this) {
      if (now >= routing.revisitAtMillis()) {
        routing = route(now);
        log.info("Cache '{}': memcached servers in service: {}", alias, routing.live());
      }
      return routing;
    }
  }

  private Routing route(long now) {
    List<ServerNode> live = new ArrayList<>();
    long revisitAt = Long.MAX_VALUE;
    for (ServerNode node : nodes) {
      if (node.inService(now)) {
        live.add(node);
      } else {
        revisitAt = Math.min(revisitAt, node.deadUntil());
      }
    }
    // One server needs no ring; python-memcached's buckets stay over every server even when only
    // one is alive, since its rehash may find no live bucket.
    Ring ring =
        nodes.size() == 1 || live.isEmpty()
            ? null
            : hashing.over(servers(nodes), servers(live), weights);
    return new Routing(List.copyOf(live), ring, revisitAt);
  }

  private static List<Server> servers(List<ServerNode> nodes) {
    return nodes.stream().map(ServerNode::server).toList();
  }

  @Override
  public void close() {
    nodes.forEach(ServerNode::close);
  }
}
