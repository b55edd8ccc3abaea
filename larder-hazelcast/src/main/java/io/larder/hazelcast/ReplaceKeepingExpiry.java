package io.larder.hazelcast;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs on the member that owns a key (and its backups): replaces the value with {@code update} if
 * it still is {@code expected}, keeping the entry's expiry time, and answers the value it found
 * (null for an absent key). {@code incr} is a compare-and-set loop over it, so that it is atomic
 * without a lock and keeps the key's time to live as Django's memcached and Redis backends do; IMap's
 * own {@code replace} would reset the time to live.
 *
 * <p>Members of a cluster Larder did not start must have this class: put the {@code
 * larder-hazelcast} jar on their class path (docs/hazelcast.md).
 */
final class ReplaceKeepingExpiry implements EntryProcessor<String, byte[], byte[]> {
  private static final long serialVersionUID = 1L;

  private final byte[] expected;
  private final byte[] update;

  ReplaceKeepingExpiry(byte[] expected, byte[] update) {
    this.expected = expected;
    this.update = update;
  }

  @Override
  public byte[] process(Map.Entry<String, byte[]> entry) {
    byte[] current = entry.getValue();
    if (current != null && Arrays.equals(current, expected)) {
      ((ExtendedMapEntry<String, byte[]>) entry).setValueWithoutChangingExpiryTime(update);
    }
    return current;
  }
}
