package io.larder.hazelcast;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Runs on the owner of a key and does nothing: a member that can load it has Larder's classes
 * ({@link LarderClasses}). Read-only, with no backup processor, so no backup member ever receives
 * it and the entry is never touched or created.
 */
final class LarderClassesProbe implements EntryProcessor<String, byte[], Boolean>, ReadOnly {
  private static final long serialVersionUID = 1L;

  @Override
  public Boolean process(Map.Entry<String, byte[]> entry) {
    return null;
  }

  @Override
  public EntryProcessor<String, byte[], Boolean> getBackupProcessor() {
    return null;
  }
}
