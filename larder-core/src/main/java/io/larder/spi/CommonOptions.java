package io.larder.spi;

import io.larder.CacheSettings;
import io.larder.Timeout;
import java.util.List;

/**
 * The options every cache accepts, whatever its backend (docs/configuration.md's first table),
 * declared once; a backend that reads one of them itself (memcached's own compression) reads it
 * through these.
 *
 * @since 0.1
 */
public final class CommonOptions {
  /** {@code max_entries}: the most entries a locmem, file or database cache keeps. */
  public static final Option<Integer> MAX_ENTRIES =
      Option.of(
          "max_entries",
          String.valueOf(CacheSettings.DEFAULT_MAX_ENTRIES),
          "the most entries locmem, filebased (and database) caches keep",
          CacheSettings::maxEntries);
  /** {@code cull_frequency}: the share of entries a full file or database cache deletes, 1/n. */
  public static final Option<Integer> CULL_FREQUENCY =
      Option.of(
          "cull_frequency",
          String.valueOf(CacheSettings.DEFAULT_CULL_FREQUENCY),
          "filebased (and database): when full, 1/n of the entries are deleted; `0` deletes all."
              + " locmem evicts one entry at a time instead (Caffeine's W-TinyLFU)",
          CacheSettings::cullFrequency);
  /** {@code ignore_exceptions}: whether the cache fails open when its store is unreachable. */
  public static final Option<Boolean> IGNORE_EXCEPTIONS =
      Option.flag(
          "ignore_exceptions",
          false,
          "fail open: when the store is unreachable (`BackendUnavailableException`), reads miss,"
              + " writes are dropped, and the error is logged and counted in `stats().errors()`"
              + " instead of thrown. `incr`/`decr` still throw: they have no value to return. A"
              + " server that *refuses* (`BackendRefusedException`: wrong type, out of memory, a"
              + " key too long for the table) is always raised");
  /** {@code circuit_breaker_interval}: seconds between probes of a failed store when the cache fails open. */
  public static final Option<Timeout> CIRCUIT_BREAKER_INTERVAL =
      Option.seconds(
          "circuit_breaker_interval",
          Timeout.seconds(5),
          "seconds; with `ignore_exceptions` on a backend that does I/O (file, db, Redis): after"
              + " a failure, calls answer at once (miss / dropped) without touching the store until"
              + " one probe per interval succeeds, so an outage costs one timeout per interval, not"
              + " one per call. `0` turns it off. (A memcached pool rests each dead server"
              + " instead: `dead_timeout`)");

  /** {@code serializer}: how values become bytes. */
  public static final Option<String> SERIALIZER =
      Option.string(
          "serializer",
          "java",
          "how values become bytes where a backend stores bytes: java (JDK serialization behind an"
              + " allow-list), pickle (Python pickle, needs larder-django), json or msgpack"
              + " (django-redis's JSONSerializer and MSGPackSerializer, need larder-formats;"
              + " django-redis's class paths also name them), json_typed (JSON recording Java"
              + " types, for caches only Java reads, needs larder-formats),"
              + " or the class name of a SerializerProvider");
  /** {@code serializer_allow}: the packages or classes a serializer may read beyond its own. */
  public static final Option<List<String>> SERIALIZER_ALLOW =
      Option.list(
          "serializer_allow",
          "extra packages the java serializer may instantiate, beyond java.lang, java.util,"
              + " java.time, java.math; the packages json_typed may write and read, beyond the"
              + " JDK's values and collections; for pickle, Python classes to read as plain maps");
  /** {@code compressor}: how serialized values are compressed. */
  public static final Option<String> COMPRESSOR =
      Option.string(
          "compressor",
          "none",
          "zlib, gzip, none, or with larder-formats lz4, zstd, lzma (django-redis's compressors,"
              + " formats and rules; django-redis's class paths also name them), or the class name"
              + " of a Compressor or CompressorProvider");
  /** {@code compress_min_length}: the length at or under which values are stored uncompressed. */
  public static final Option<Integer> COMPRESS_MIN_LENGTH =
      Option.integer(
          "compress_min_length",
          15,
          0,
          Integer.MAX_VALUE,
          "values at most this long are stored uncompressed (django-redis's rule); lzma's default"
              + " is 100, as django-redis's");
  /** {@code compress_level}: the zlib compression level. */
  public static final Option<Integer> COMPRESS_LEVEL =
      Option.integer(
          "compress_level", 6, -1, 9, "zlib level, -1 to 9");

  /** {@code max_value_size}: the most bytes one serialized value may take, written or read. */
  public static final Option<Integer> MAX_VALUE_SIZE =
      Option.of(
          "max_value_size",
          String.valueOf(CacheSettings.DEFAULT_MAX_VALUE_SIZE),
          "the most bytes one serialized value may take (64 MiB). Writing a larger value is a"
              + " `SerializationException`; reading refuses anything larger before allocating it, as"
              + " a corrupt value (a miss): a compressed value that inflates past it (a zlib or gzip"
              + " bomb), a cache file, a database row, a memcached item. See docs/reliability.md",
          CacheSettings::maxValueSize);

  /**
   * larder-jcache: accept JCache entry listeners that hear this process's changes only, where the
   * backend cannot bring them another process's (read by larder-jcache's {@code createCache} and
   * {@code registerCacheEntryListener}, which refuse such listeners otherwise).
   */
  public static final Option<Boolean> JCACHE_LOCAL_LISTENERS =
      Option.flag(
          "jcache_local_listeners",
          false,
          "larder-jcache: accept entry listeners that hear only this process's changes on a"
              + " backend that cannot deliver another process's (memcached, Hazelcast, database,"
              + " filebased; Redis for keys other than `String` and `Object`), which are refused"
              + " otherwise. See docs/jcache.md");

  private static final List<Option<?>> ALL =
      List.of(
          MAX_ENTRIES,
          CULL_FREQUENCY,
          SERIALIZER,
          SERIALIZER_ALLOW,
          COMPRESSOR,
          COMPRESS_MIN_LENGTH,
          COMPRESS_LEVEL,
          MAX_VALUE_SIZE,
          IGNORE_EXCEPTIONS,
          CIRCUIT_BREAKER_INTERVAL,
          JCACHE_LOCAL_LISTENERS);

  private CommonOptions() {}

  /**
   * The options every cache accepts, in the order the docs list them.
   *
   * @return an unmodifiable list of the options
   */
  public static List<Option<?>> all() {
    return ALL;
  }
}
