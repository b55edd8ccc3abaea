package io.larder.spi;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.Timeout;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * What the engine gives a store when its backend {@link CacheBackend#create creates} it: the
 * cache's settings, its clock, its value codec and its failure policy, so that a store holds no copy
 * of a rule the engine already has.
 *
 * <pre>{@code
 * static final Option<Integer> POOL_SIZE =
 *     Option.integer("pool_size", 8, 1, 1024, "the most connections the store's pool opens");
 *
 * public List<Option<?>> options() {
 *   return List.of(POOL_SIZE);
 * }
 *
 * public CacheStore create(StoreContext context) {
 *   int poolSize = POOL_SIZE.from(context.settings());
 *   return new TapeStore(context, poolSize);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface StoreContext {
  /**
   * The cache's validated settings (alias, location, options, …).
   *
   * @return the settings; never null
   */
  CacheSettings settings();

  /**
   * The alias, for messages.
   *
   * @return the cache's alias, e.g. {@code default}
   */
  default String alias() {
    return settings().alias();
  }

  /**
   * Another cache of the same {@code Caches}, one the backend named in {@link
   * CacheBackend#builtOn}: built before this store, owned (and closed) by {@code Caches}.
   *
   * <pre>{@code
   * Cache memory = context.cache("memory");
   * }</pre>
   *
   * @param alias an alias the backend named in {@link CacheBackend#builtOn}
   * @return that cache, at its configured version
   * @throws IllegalArgumentException if the backend did not name {@code alias}
   */
  Cache cache(String alias);

  /**
   * The store of another cache this backend named in {@link CacheBackend#builtOn}, for calls on
   * keys this backend has already made: a key is used as given, not made again with that cache's
   * key function, prefix and version, and is not validated again. That cache's failure policy
   * applies (failing open, its circuit breaker, its error count and operation timings); its hit,
   * miss and write counts do not move. A layered backend reads and writes its tiers through it.
   * Closing it does nothing: the cache belongs to {@code Caches}.
   *
   * <pre>{@code
   * CacheStore memory = context.store("memory");
   * Object value = memory.load(key);   // the key this store was given, as it is
   * }</pre>
   *
   * @param alias an alias the backend named in {@link CacheBackend#builtOn}
   * @return that cache's store, guarded by its failure policy
   * @throws IllegalArgumentException if the backend did not name {@code alias}
   */
  CacheStore store(String alias);

  /**
   * The clock every expiry is measured on (tests inject one, so they never sleep).
   *
   * @return the clock; never null
   */
  InstantSource clock();

  /**
   * A clock for a store whose reads cost less than reading the system clock (local memory): a
   * millisecond-coarse clock when the cache runs on the system clock, {@link #clock()} when a clock
   * was injected. Costs a thread only while it is read.
   *
   * @return a clock at least millisecond-accurate; never null
   */
  InstantSource coarseClock();

  /**
   * Where an {@link AsyncCacheStore} runs the {@code async()} calls its client can only make
   * blocking: Larder's bounded pool, or the executor given to {@code Caches.Builder.asyncExecutor}.
   *
   * <pre>{@code
   * return CompletableFuture.supplyAsync(() -> client.putIfAbsent(key), context.ioExecutor());
   * }</pre>
   *
   * @return the executor; never null, and not to be shut down by the store
   */
  Executor ioExecutor();

  /**
   * The current time in epoch milliseconds, from {@link #clock()}.
   *
   * @return milliseconds since the epoch
   */
  default long nowMillis() {
    return clock().millis();
  }

  /**
   * The epoch millisecond at which an entry written now with {@code timeout} expires, by Django's
   * rule: {@link Long#MAX_VALUE} for never, and a second ago for a zero timeout (Django's ticket
   * #21147), so the entry is expired at once.
   *
   * @param timeout a finite timeout or {@link Timeout#NEVER}; not {@link Timeout#DEFAULT}, which
   *     has no length
   * @return the expiry in epoch milliseconds; in the past for a timeout of zero or less
   */
  default long expiresAtMillis(Timeout timeout) {
    if (timeout.isNever()) {
      return Long.MAX_VALUE;
    }
    long millis = timeout.toNanos() == 0 ? -1000 : timeout.toMillis();
    return nowMillis() + millis;
  }

  /**
   * The value's bytes, by the configured serializer and then compressor.
   *
   * @param value the value to store; may be null
   * @return the bytes to store, with the compressor's framing when one is configured
   * @throws io.larder.SerializationException if the value cannot be serialized
   */
  byte[] serialize(Object value);

  /**
   * The value of bytes written by {@link #serialize}.
   *
   * @param bytes bytes written by {@link #serialize}; not null
   * @return the value, which may be null
   * @throws io.larder.SerializationException if the bytes are not such a value
   */
  Object deserialize(byte[] bytes);

  /**
   * The value under the made {@code key} from bytes written by {@link #serialize}, or {@link
   * CacheStore#MISSING} when they cannot be read — corrupt, hostile, or over a reader's limit — which
   * is then {@link #corruptRead reported}. A class outside the serializer's allow-list is still an
   * error: it is a setting to fix, not data to skip.
   *
   * @param key the made key the bytes were stored under, for the report
   * @param bytes bytes written by {@link #serialize}; not null
   * @return the value (which may be null), or {@link CacheStore#MISSING} when it cannot be read
   * @throws io.larder.DisallowedClassException if the value names a class outside the allow-list
   */
  default Object deserialize(String key, byte[] bytes) {
    try {
      return deserialize(bytes);
    } catch (io.larder.DisallowedClassException e) {
      throw e;
    } catch (io.larder.SerializationException e) {
      return corruptRead(key, e);
    }
  }

  /**
   * Reports that the value under {@code key} cannot be read: counted in {@code
   * stats().corruptReads()}, logged once per key per minute. Returns {@link CacheStore#MISSING}, for
   * the read to go on as a miss.
   *
   * @param key the made key whose value cannot be read
   * @param cause why it cannot be read, for the log
   * @return {@link CacheStore#MISSING}
   */
  Object corruptRead(String key, Throwable cause);

  /**
   * {@code options.max_value_size}: the most bytes a reader takes for one value.
   *
   * @return the limit in bytes, at least 1
   */
  default int maxValueSize() {
    return settings().maxValueSize();
  }

  /**
   * The configured serializer alone, for stores with a framing of their own (the file format).
   *
   * @return the serializer, without the compressor; never null
   */
  Serializer serializer();

  /**
   * For a store spread over several servers, or an operation beyond Django's API: one part failed
   * while the rest went on. When the cache fails open ({@code ignore_exceptions}) the failure is
   * counted and logged and the caller carries on; otherwise {@code e} is rethrown.
   *
   * @param e the failure of the part
   * @param operation Django's name of the operation, for the log and the error count, e.g. {@code
   *     get_many}
   * @param key the made key concerned, for the log
   * @throws BackendUnavailableException {@code e}, unless the cache fails open
   */
  void failOpen(BackendUnavailableException e, String operation, String key);

  /**
   * Whether the cache fails open ({@code options.ignore_exceptions}).
   *
   * @return true if failures make reads miss and writes drop, false if they are thrown
   */
  boolean failsOpen();
}
