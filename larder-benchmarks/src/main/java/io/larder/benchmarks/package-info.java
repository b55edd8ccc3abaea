/**
 * JMH benchmarks of Larder side by side with the libraries underneath it (Caffeine, Lettuce,
 * Jedis, xmemcached, Hazelcast, JDBC), on throwaway servers, and a few plain programs that time a
 * loop or a process from outside. The figures and the commands that made them are in
 * docs/benchmarks.md.
 *
 * <p>The classes are public because JMH runs them; nothing here is an API. A benchmark's pair of
 * methods ({@code pair*} groups) runs both sides at once, so that both see the same load.
 *
 * @since 0.1
 */
package io.larder.benchmarks;
