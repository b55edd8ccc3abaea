/**
 * The {@code hazelcast} backend: an {@code IMap} per cache through a Hazelcast client, an embedded
 * member or a {@code HazelcastInstance} you hand in ({@code docs/hazelcast.md}).
 *
 * <p>Applications name it {@code backend: hazelcast}, may reach the cluster's side through {@code
 * cache.unwrap(HazelcastMap.class)}, and use {@link io.larder.hazelcast.MemcacheEndpointKeys} as a
 * key function for Hazelcast's memcache endpoint; {@link io.larder.hazelcast.HazelcastBackend} is
 * public for {@code java.util.ServiceLoader}. The rest is package-private.
 *
 * @since 0.1
 */
package io.larder.hazelcast;
