package io.larder.hazelcast;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.formats.StoredFormatsTest;

/**
 * The formats in a Hazelcast map: each entry's value is the compressed, serialized bytes as a
 * {@code byte[]}, the same as on Redis, so any compressor applies.
 */
class HazelcastStoredFormatsTest extends StoredFormatsTest {
  private static final String MAP = "larder-formats";
  private static final TestMembers members = TestMembers.shared();

  @Override
  protected void configure(CacheDefinition cache) {
    members.client(cache, MAP);
  }

  @Override
  protected byte[] storedValue(Cache cache, String key) {
    return members.client().<String, byte[]>getMap(MAP).get(cache.makeKey(key));
  }
}
