package io.larder.internal;

import static io.larder.spi.CacheStore.MISSING;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.spi.CacheStore;
import io.larder.spi.CommonOptions;
import io.larder.spi.Compressor;
import io.larder.spi.Serializer;
import io.larder.spi.StoreContext;
import io.larder.spi.ValueSizeLimit;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Executor;

/** What a store sees of its cache's engine: the settings, the value codec, the failure rules. */
final class EngineContext implements StoreContext {
  private final CacheSettings settings;
  private final Executor ioExecutor;
  private final StatsCounter stats;
  /** The engines of the caches the backend is built on, by alias. */
  private final Map<String, CacheEngine> builtOn;
  private final boolean failsOpen;
  private final Serializer serializer;
  private final Compressor compressor;
  private final ValueSizeLimit sizeLimit;
  private final CorruptReads corruptReads;

  EngineContext(
      CacheSettings settings,
      Executor ioExecutor,
      StatsCounter stats,
      Map<String, CacheEngine> builtOn) {
    this.settings = settings;
    this.ioExecutor = ioExecutor;
    this.stats = stats;
    this.builtOn = builtOn;
    this.failsOpen = CommonOptions.IGNORE_EXCEPTIONS.from(settings);
    this.serializer = Serializers.create(settings);
    this.compressor = Compressors.create(settings);
    this.sizeLimit = ValueSizeLimit.of(settings.alias(), settings.maxValueSize());
    this.corruptReads = new CorruptReads(settings.alias(), settings.clock());
  }

  @Override
  public Cache cache(String alias) {
    return builtOn(alias).handle();
  }

  @Override
  public CacheStore store(String alias) {
    return builtOn(alias).guarded();
  }

  private CacheEngine builtOn(String alias) {
    CacheEngine engine = builtOn.get(alias);
    if (engine == null) {
      throw new IllegalArgumentException(
          "Cache '"
              + settings.alias()
              + "': its backend did not name '"
              + alias
              + "' among the caches it is built on ("
              + String.join(", ", builtOn.keySet())
              + ")");
    }
    return engine;
  }

  @Override
  public CacheSettings settings() {
    return settings;
  }

  @Override
  public InstantSource clock() {
    return settings.clock();
  }

  @Override
  public Executor ioExecutor() {
    return ioExecutor;
  }

  @Override
  public InstantSource coarseClock() {
    return settings.clock() == InstantSource.system() ? CoarseClock.INSTANCE : settings.clock();
  }

  /**
   * Checked twice against {@code max_value_size}: before compression, since a reader inflates no
   * further, and after, since a reader takes no more stored bytes (incompressible data grows a
   * little in zlib's framing).
   */
  @Override
  public byte[] serialize(Object value) {
    return sizeLimit.checkWrite(
        compressor.compress(sizeLimit.checkWrite(serializer.serialize(value))));
  }

  @Override
  public Object deserialize(byte[] bytes) {
    return serializer.deserialize(compressor.decompress(sizeLimit.checkRead(bytes)));
  }

  @Override
  public Object corruptRead(String key, Throwable cause) {
    stats.corruptRead();
    corruptReads.report(key, cause);
    return MISSING;
  }

  @Override
  public Serializer serializer() {
    return serializer;
  }

  @Override
  public void failOpen(BackendUnavailableException e, String operation, String key) {
    if (!failsOpen) {
      throw e; // counted where the operation fails
    }
    stats.error();
    FailurePolicy.logIgnored(settings.alias(), operation, key, e);
  }

  @Override
  public boolean failsOpen() {
    return failsOpen;
  }
}
