package io.larder.redis;

/** How a Redis cache reaches its data, decided once from {@code location} and {@code options}. */
enum Topology {
  /** One server. */
  STANDALONE,
  /**
   * {@code location} lists a primary and its replicas: writes to the primary, reads to replicas.
   */
  PRIMARY_REPLICAS,
  /** {@code options.sentinels} find the primary (and replicas) of the master named in the URL. */
  SENTINEL,
  /** {@code options.cluster: true}: the URLs are seed nodes of a Redis Cluster. */
  CLUSTER
}
