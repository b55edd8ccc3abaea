package io.larder.memcached;

import io.larder.testsupport.MemcachedServer;
import java.util.List;
import java.util.Map;

/** The contract on one memcached server, with the defaults: ketama, the java serializer. */
class MemcachedStoreTest extends MemcachedContractTest {
  @Override
  protected List<MemcachedServer> servers() {
    return MemcachedServer.shared(1);
  }

  @Override
  protected Map<String, Object> options() {
    return Map.of();
  }
}
