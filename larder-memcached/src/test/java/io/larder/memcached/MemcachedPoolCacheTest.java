package io.larder.memcached;

import io.larder.testsupport.MemcachedServer;
import java.util.List;
import java.util.Map;

/**
 * The contract on a pool of three servers as a Django app shares it: rendezvous hashing, pickle,
 * and zlib for larger values.
 */
class MemcachedPoolCacheTest extends MemcachedContractTest {
  @Override
  protected List<MemcachedServer> servers() {
    return MemcachedServer.shared(3);
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of("hashing", "rendezvous", "serializer", "pickle", "compressor", "zlib");
  }
}
