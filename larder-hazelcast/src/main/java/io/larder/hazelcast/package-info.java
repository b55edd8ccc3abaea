/**
 * The {@code hazelcast} backend: an {@code IMap} per cache through a Hazelcast client, an embedded
 * member or a {@code HazelcastInstance} you hand in ({@code docs/hazelcast.md}).
 *
 * @since 0.1
 */
package io.larder.hazelcast;
