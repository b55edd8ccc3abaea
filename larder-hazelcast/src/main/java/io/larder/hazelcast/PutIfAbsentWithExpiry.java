package io.larder.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs on the member that owns a key (and its backups): stores {@code value} with a time to live of
 * {@code ttlSeconds} (0: none) if the key is absent, and answers whether it stored. This is {@code
 * putIfAbsent(key, value, ttl)} for {@code async()}, which IMap offers only synchronously.
 *
 * <p>Members of a cluster Larder did not start must have this class (docs/hazelcast.md).
 */
final class PutIfAbsentWithExpiry implements EntryProcessor<String, byte[], Boolean> {
  private static final long serialVersionUID = 1L;

  private final byte[] value;
  private final long ttlSeconds;

  PutIfAbsentWithExpiry(byte[] value, long ttlSeconds) {
    this.value = value;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Boolean process(Map.Entry<String, byte[]> entry) {
    if (entry.getValue() != null) {
      return false;
    }
    ((ExtendedMapEntry<String, byte[]>) entry).setValue(value, ttlSeconds, TimeUnit.SECONDS);
    return true;
  }
}
