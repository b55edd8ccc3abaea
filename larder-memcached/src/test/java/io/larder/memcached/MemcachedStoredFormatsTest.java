package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.formats.StoredFormatsTest;
import io.larder.testsupport.MemcachedServer;
import java.util.List;

/**
 * The formats in memcached items: Django's flag 1 (serialized) over the serializer's bytes, plus 8
 * when zlib-compressed. memcached clients know a compressed item only by that zlib flag, so no
 * other compressor is accepted here.
 */
class MemcachedStoredFormatsTest extends StoredFormatsTest {
  private final MemcachedServer server = MemcachedServer.shared(1).get(0);

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("memcached").location(server.address());
  }

  @Override
  protected List<String> compressors() {
    return List.of("none", "zlib");
  }

  @Override
  protected byte[] storedValue(Cache cache, String key) {
    MemcachedServer.Item item = server.get(cache.makeKey(key));
    // Whether the zlib flag matches the compressor is the generic check: the bytes must inflate.
    assertThat(item.flags() & ~ValueFlags.ZLIB).isEqualTo(ValueFlags.SERIALIZED);
    return item.data();
  }
}
