package io.larder.benchmarks;

import io.larder.testsupport.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * A throwaway {@code redis-server} and raw Lettuce's byte-array connection to it: what a Redis
 * benchmark compares Larder's caches on that server with.
 */
final class RawRedis implements AutoCloseable {
  final RedisServer server;
  final StatefulRedisConnection<byte[], byte[]> connection;
  private final RedisClient client;

  RawRedis() {
    server = RedisServer.start();
    client = RedisClient.create(server.url());
    connection = client.connect(ByteArrayCodec.INSTANCE);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
    server.close();
  }
}
