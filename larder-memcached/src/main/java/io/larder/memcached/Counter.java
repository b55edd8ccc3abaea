package io.larder.memcached;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.command.Command;
import net.rubyeye.xmemcached.command.CommandType;
import net.rubyeye.xmemcached.command.TextCommandFactory;
import net.rubyeye.xmemcached.exception.MemcachedException;

/**
 * memcached's own {@code incr}/{@code decr}, sent as a bare command. xmemcached's {@code incr}
 * answers a missing key by adding it with an initial value, which Django forbids: {@code incr} of a
 * missing key must fail and store nothing.
 */
final class Counter {
  private static final TextCommandFactory COMMANDS = new TextCommandFactory();

  private Counter() {}

  /**
   * Adds {@code delta} (subtracts, when negative: memcached floors at 0) to the counter under
   * {@code key}; null if the key is absent.
   */
  static Long add(MemcachedClient client, String key, long delta, long timeoutMillis)
      throws TimeoutException, InterruptedException, MemcachedException {
    CommandType type = delta < 0 ? CommandType.DECR : CommandType.INCR;
    long amount = delta < 0 ? -delta : delta;
    Command command =
        COMMANDS.createIncrDecrCommand(
            key, key.getBytes(StandardCharsets.UTF_8), amount, 0, 0, type, false);
    client.getConnector().send(command);
    if (!command.getLatch().await(timeoutMillis, TimeUnit.MILLISECONDS)) {
      command.cancel();
      throw new TimeoutException("Timed out (" + timeoutMillis + " ms) waiting for " + type);
    }
    if (command.getException() != null) {
      if (command.getException() instanceof MemcachedException e) {
        throw e;
      }
      throw new MemcachedException(command.getException());
    }
    Object result = command.getResult();
    if (result instanceof Long value) {
      return value;
    }
    if ("NOT_FOUND".equals(result)) {
      return null;
    }
    throw new MemcachedException("unexpected answer to " + type + ": " + result);
  }
}
