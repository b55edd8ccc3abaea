package io.larder.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs on the member that owns a key (and its backups): gives an existing entry a time to live of
 * {@code ttlSeconds} from now (0: none), keeping its value, and answers whether the key existed.
 * This is {@code setTtl} for {@code async()}, which IMap offers only synchronously.
 *
 * <p>Members of a cluster Larder did not start must have this class (docs/hazelcast.md).
 */
final class ResetExpiry implements EntryProcessor<String, byte[], Boolean> {
  private static final long serialVersionUID = 1L;

  private final long ttlSeconds;

  ResetExpiry(long ttlSeconds) {
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Boolean process(Map.Entry<String, byte[]> entry) {
    byte[] current = entry.getValue();
    if (current == null) {
      return false;
    }
    ((ExtendedMapEntry<String, byte[]>) entry).setValue(current, ttlSeconds, TimeUnit.SECONDS);
    return true;
  }
}
