package io.larder.hazelcast;

/** How a cache reaches its Hazelcast cluster ({@code options.mode}). */
enum Mode {
  /** A Hazelcast client connects to the members listed in {@code location} (the default). */
  CLIENT,
  /** This JVM is a member: it forms the cluster, or joins the members listed in {@code location}. */
  EMBEDDED,
  /** A {@code HazelcastInstance} the application made and handed in as {@code options.instance}. */
  GIVEN
}
