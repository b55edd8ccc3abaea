package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract through Larder's Hazelcast client, on a real 3-member cluster. The class keeps one
 * cache of the same cluster open throughout, as an application would, so that every test's caches
 * share its client instead of connecting anew.
 */
class ClientModeCacheTest extends HazelcastContractTest {
  private static final TestMembers members = TestMembers.shared();
  private static Caches application;

  @BeforeAll
  static void openApplicationCache() {
    application =
        Caches.builder().environment(Map.of()).cache("default", ClientModeCacheTest::client).build();
  }

  @AfterAll
  static void closeApplicationCache() {
    application.close();
  }

  private static void client(CacheDefinition cache) {
    members.client(cache, MAP);
  }

  @Override
  protected void configure(CacheDefinition cache) {
    client(cache);
  }

  @Override
  protected HazelcastInstance inspector() {
    return members.client();
  }
}
