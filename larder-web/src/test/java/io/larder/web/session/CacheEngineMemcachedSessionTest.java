package io.larder.web.session;

import io.larder.testsupport.MemcachedServer;
import java.util.Map;
import java.util.UUID;

/** The {@code cache} engine on a real memcached (the run's shared server, a prefix of its own). */
class CacheEngineMemcachedSessionTest extends CacheEngineSessionContractTest {
  @Override
  Map<String, Object> cachesConfig() {
    return Map.of(
        "default",
        Map.of(
            "backend",
            "memcached",
            "location",
            MemcachedServer.shared(1).get(0).address(),
            "key_prefix",
            "s" + UUID.randomUUID().toString().substring(0, 8)));
  }
}
