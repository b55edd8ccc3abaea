package io.larder.memcached;

import io.larder.BackendRefusedException;
import io.larder.BackendUnavailableException;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import io.larder.CacheSettings;
import io.larder.DisallowedClassException;
import io.larder.NotAnIntegerException;
import io.larder.SerializationException;
import io.larder.Timeout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.rubyeye.xmemcached.GetsResponse;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.command.Command;
import net.rubyeye.xmemcached.command.CommandType;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.transcoders.CachedData;
import net.rubyeye.xmemcached.transcoders.Transcoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's memcached backends on xmemcached: keys are checked against memcached's rules before they
 * reach the wire, values carry Django's flags, timeouts follow Django's memcached rule, and {@code
 * get_many}, {@code add}, {@code touch} and {@code incr}/{@code decr} are the server's own
 * commands. {@code clear} is {@code flush_all} on every server of the pool.
 */
final class MemcachedStore implements CacheStore {
  private static final Logger log = LoggerFactory.getLogger(MemcachedStore.class);
  private static final int CAS_ATTEMPTS = 100;

  private final StoreContext context;
  private final PoolOptions options;
  private final ServerPool pool;
  private final ValueFlags flags;

  MemcachedStore(StoreContext context, PoolOptions options) {
    CacheSettings settings = context.settings();
    this.context = context;
    this.options = options;
    this.pool = new ServerPool(settings.alias(), options, settings.clock());
    this.flags =
        new ValueFlags(
            context.serializer(),
            options.compress(),
            options.compressMinLength(),
            options.compressLevel(),
            settings.maxValueSize());
  }

  /** The pool's settings as parsed: its servers, hashing, weights, timeouts. */
  PoolOptions options() {
    return options;
  }

  /** The item format this cache reads and writes. */
  ValueFlags flags() {
    return flags;
  }

  // ------------------------------------------------------------ keys

  /** The pool rests each dead server itself (options.dead_timeout) and serves from the others. */
  @Override
  public boolean usesCircuitBreaker() {
    return false;
  }

  /** memcached cannot store such a key, and it must not reach a text protocol: refuse it. */
  @Override
  public boolean rejectsInvalidKeys() {
    return true;
  }

  // ------------------------------------------------------------ reads

  @Override
  public Object load(String key) {
    ServerNode node = pool.nodeFor(WireKey.check(key));
    CachedData item =
        pool.call(node, List.of(key), client -> client.get(key, PassThroughTranscoder.INSTANCE));
    return item == null ? MISSING : decode(key, item);
  }

  /** One multi-get per server, all sent before any answer is awaited. */
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Object> loadMany(List<String> keys) {
    keys.forEach(WireKey::check);
    Map<ServerNode, List<String>> groups = pool.byNode(keys);
    Map<ServerNode, List<Object>> answers =
        acrossPool(
            "get_many",
            groups,
            group ->
                List.of(
                    Pipeline.COMMANDS.createGetMultiCommand(
                        group,
                        new CountDownLatch(1),
                        CommandType.GET_MANY,
                        PassThroughTranscoder.INSTANCE)));
    Map<String, Object> found = new LinkedHashMap<>();
    answers.forEach(
        (node, answer) -> {
          if (answer.get(0) instanceof Map<?, ?> items) {
            for (String key : groups.get(node)) {
              CachedData item = ((Map<String, CachedData>) items).get(key);
              Object value = item == null ? MISSING : decode(key, item);
              if (value != MISSING) {
                found.put(key, value);
              }
            }
          }
        });
    return found;
  }

  /**
   * The item's value, or {@link #MISSING} for an item this reader cannot make sense of (written by
   * another kind of client, corrupt, or hostile): counted as a corrupt read, and left for its
   * writer. A class the serializer's allow-list rejects is an error, not a miss.
   */
  private Object decode(String key, CachedData item) {
    try {
      return flags.decode(item);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (SerializationException e) {
      return context.corruptRead(key, e);
    }
  }

  // ------------------------------------------------------------ writes

  @Override
  public void store(String key, Object value, Timeout timeout) {
    CachedData item = encode(key, value);
    if (Exptime.expiresAtOnce(timeout)) {
      // Django sends exptime -1; xmemcached refuses negative times, and deleting is the same.
      remove(key);
      return;
    }
    send(key, item, timeout, MemcachedClient::set);
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    CachedData item = encode(key, value);
    if (Exptime.expiresAtOnce(timeout)) {
      // memcached stores it already expired: true exactly when there was nothing to keep.
      return !contains(key);
    }
    return send(key, item, timeout, MemcachedClient::add);
  }

  /** One of the client's single-item writes: {@code set} or {@code add}. */
  @FunctionalInterface
  private interface ItemWrite {
    boolean send(
            MemcachedClient client,
            String key,
            int exptime,
            CachedData item,
            Transcoder<CachedData> transcoder)
        throws TimeoutException, InterruptedException, MemcachedException;
  }

  /** Sends {@code item} with {@code write} to its server; a refusal names the key and its size. */
  private boolean send(String key, CachedData item, Timeout timeout, ItemWrite write) {
    int exptime = exptime(timeout);
    ServerNode node = pool.nodeFor(key);
    try {
      return pool.call(
          node,
          List.of(key),
          client -> write.send(client, key, exptime, item, PassThroughTranscoder.INSTANCE));
    } catch (BackendRefusedException e) {
      throw refused(key, item, e);
    }
  }

  /** The sets of each server in one round trip, every server's sent before any is awaited. */
  @Override
  public List<String> storeMany(Map<String, Object> entries, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    Map<String, CachedData> items = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          try {
            items.put(key, encode(key, value));
          } catch (SerializationException e) {
            failed.add(key);
          }
        });
    if (Exptime.expiresAtOnce(timeout)) {
      removeMany(new ArrayList<>(items.keySet()));
      return failed;
    }
    int exptime = exptime(timeout);
    Map<ServerNode, List<String>> groups = pool.byNode(new ArrayList<>(items.keySet()));
    Map<ServerNode, List<Object>> answers =
        acrossPool(
            "set_many",
            groups,
            group ->
                group.stream()
                    .map(
                        key ->
                            Pipeline.COMMANDS.createSetCommand(
                                key,
                                key.getBytes(StandardCharsets.UTF_8),
                                exptime,
                                items.get(key),
                                false,
                                PassThroughTranscoder.INSTANCE))
                    .toList());
    groups.forEach(
        (node, keys) -> {
          List<Object> answer = answers.get(node);
          for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Object stored = answer == null ? null : answer.get(i);
            if (stored instanceof MemcachedException refusal) {
              RuntimeException error =
                  refused(key, items.get(key), new BackendRefusedException(refusal.getMessage()));
              log.warn("Cache '{}': not storing '{}': {}", context.alias(), key, error.getMessage());
            }
            if (!Boolean.TRUE.equals(stored)) {
              failed.add(key);
            }
          }
        });
    return failed;
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    if (Exptime.expiresAtOnce(timeout)) {
      return remove(key);
    }
    int exptime = exptime(timeout);
    ServerNode node = pool.nodeFor(WireKey.check(key));
    return pool.call(node, List.of(key), client -> client.touch(key, exptime));
  }

  @Override
  public boolean remove(String key) {
    ServerNode node = pool.nodeFor(WireKey.check(key));
    return pool.call(node, List.of(key), client -> client.delete(key));
  }

  /** The deletes of each server in one round trip, every server's sent before any is awaited. */
  @Override
  public int removeMany(List<String> keys) {
    keys.forEach(WireKey::check);
    Map<ServerNode, List<Object>> answers =
        acrossPool(
            "delete_many",
            pool.byNode(keys),
            group ->
                group.stream()
                    .map(
                        key ->
                            Pipeline.COMMANDS.createDeleteCommand(
                                key, key.getBytes(StandardCharsets.UTF_8), 0, 0, false))
                    .toList());
    int removed = 0;
    for (List<Object> answer : answers.values()) {
      removed += (int) answer.stream().filter(Boolean.TRUE::equals).count();
    }
    return removed;
  }

  /**
   * Sends every server of {@code groups} its commands, then awaits all the answers, so the pool
   * answers in about one round trip. A server that fails is reported as part of the operation
   * failing, and has no answers in the result.
   */
  private Map<ServerNode, List<Object>> acrossPool(
      String operation,
      Map<ServerNode, List<String>> groups,
      Function<List<String>, List<Command>> commandsFor) {
    long timeout = options.operationTimeoutMillis();
    Map<ServerNode, Pipeline> sent = new LinkedHashMap<>();
    groups.forEach(
        (node, keys) -> {
          List<Command> commands = commandsFor.apply(keys);
          try {
            sent.put(
                node, pool.call(node, keys, client -> Pipeline.send(client, commands, timeout)));
          } catch (BackendUnavailableException e) {
            partOfManyFailed(e, operation, keys);
          }
        });
    Map<ServerNode, List<Object>> answers = new LinkedHashMap<>();
    sent.forEach(
        (node, pipeline) -> {
          try {
            answers.put(node, pool.call(node, client -> pipeline.await()));
          } catch (BackendUnavailableException e) {
            partOfManyFailed(e, operation, groups.get(node));
          }
        });
    return answers;
  }

  /**
   * {@code flush_all} on every server of the pool: it empties them of every key, not only ours.
   * Refused before any is flushed if one is Hazelcast's memcache endpoint, which cannot.
   */
  @Override
  public void removeAll() {
    List<ServerNode> failed = new ArrayList<>();
    BackendUnavailableException last = null;
    List<ServerNode> reached = new ArrayList<>();
    for (ServerNode node : pool.nodes()) {
      try {
        if (pool.call(node, node::isHazelcastEndpoint)) {
          throw HazelcastEndpoint.noFlushAll(context.alias(), node.server());
        }
        reached.add(node);
      } catch (BackendUnavailableException e) {
        failed.add(node);
        last = e;
      }
    }
    for (ServerNode node : reached) {
      try {
        pool.call(
            node,
            client -> {
              // flushAll covers the connections there are, and says nothing if there are none.
              if (client.getAvailableServers().isEmpty()) {
                throw new MemcachedException("not connected");
              }
              client.flushAll();
              return null;
            });
      } catch (BackendUnavailableException e) {
        failed.add(node);
        last = e;
      }
    }
    if (last != null) {
      throw new BackendUnavailableException(
          "Cache '"
              + context.alias()
              + "': clear could not flush "
              + failed
              + ": "
              + last.getMessage(),
          last);
    }
  }

  // ------------------------------------------------------------ incr / decr

  /**
   * The server's {@code incr}/{@code decr}: atomic, and the key keeps its time to live; {@code
   * decr} stops at 0, as memcached's does. A value memcached cannot count — a negative number, or
   * one over 64 bits — is counted by compare-and-swap instead, which, like Django's base {@code
   * incr}, gives the key the default timeout.
   */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    ServerNode node = pool.nodeFor(WireKey.check(key));
    try {
      Long value =
          pool.call(
              node,
              List.of(key),
              client -> Counter.add(client, key, delta, options.operationTimeoutMillis(), key));
      return value == null ? MISSING : value;
    } catch (BackendRefusedException notACounter) {
      return compareAndSwap(node, key, delta, defaultTimeout);
    }
  }

  private Object compareAndSwap(ServerNode node, String key, long delta, Timeout defaultTimeout) {
    int exptime = exptime(defaultTimeout);
    for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      GetsResponse<CachedData> current =
          pool.call(
              node,
              List.of(key),
              client -> {
                if (node.isHazelcastEndpoint(client)) {
                  throw HazelcastEndpoint.noCompareAndSwap(context.alias(), node.server(), key);
                }
                return client.gets(key, PassThroughTranscoder.INSTANCE);
              });
      if (current == null) {
        return MISSING;
      }
      Object value = decode(key, current.getValue());
      if (value == MISSING) {
        throw new NotAnIntegerException(key, current.getValue().getData());
      }
      Object next = Increments.add(key, value, delta);
      CachedData item = flags.encode(next);
      if (pool.call(
          node,
          client ->
              client.cas(key, exptime, item, PassThroughTranscoder.INSTANCE, current.getCas()))) {
        return next;
      }
    }
    throw new BackendUnavailableException(
        "Cache '"
            + context.alias()
            + "': incr of '"
            + key
            + "' lost "
            + CAS_ATTEMPTS
            + " compare-and-swap races in a row");
  }

  // ------------------------------------------------------------ helpers

  /** The value's item, checked against the server's item size before anything is sent. */
  private CachedData encode(String key, Object value) {
    WireKey.check(key);
    CachedData item = flags.encode(value);
    if (item.getData().length > options.maxItemSize()) {
      throw new ValueTooLargeException(
          context.alias(), key, item.getData().length, options.maxItemSize(), " (options.max_item_size)");
    }
    return item;
  }

  /** A refusal of a store: too large for the server's own limit, or something unexpected. */
  private RuntimeException refused(String key, CachedData item, BackendRefusedException e) {
    if (e.getMessage() != null && e.getMessage().contains("too large")) {
      return new ValueTooLargeException(
          context.alias(),
          key,
          item.getData().length,
          options.maxItemSize(),
          " (the server refused it: its -I is lower than options.max_item_size)");
    }
    return e;
  }

  private int exptime(Timeout timeout) {
    return Exptime.of(timeout, context.nowMillis());
  }

  /** One server of a multi-key operation failed: the others' keys went through. */
  private void partOfManyFailed(
      BackendUnavailableException e, String operation, List<String> keys) {
    context.failOpen(e, operation, keys.toString());
  }

  @Override
  public void close() {
    pool.close();
  }
}
