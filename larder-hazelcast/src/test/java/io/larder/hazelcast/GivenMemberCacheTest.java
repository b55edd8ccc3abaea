package io.larder.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.larder.CacheDefinition;

/** The contract on a member of a real 3-member cluster that the application hands in. */
class GivenMemberCacheTest extends HazelcastContractTest {
  private final TestMembers members = TestMembers.shared();

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("hazelcast").option("instance", members.member(0)).option("map", MAP);
  }

  @Override
  protected HazelcastInstance inspector() {
    return members.member(1);
  }
}
