package io.larder.memcached;

import io.larder.CounterOverflowException;
import java.math.BigInteger;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.command.CommandType;
import net.rubyeye.xmemcached.exception.MemcachedException;

/**
 * memcached's own {@code incr}/{@code decr}, sent as a bare command. xmemcached's {@code incr}
 * answers a missing key by adding it with an initial value, which Django forbids: {@code incr} of a
 * missing key must fail and store nothing.
 */
final class Counter {
  private Counter() {}

  /**
   * Adds {@code delta} (subtracts, when negative: memcached floors at 0) to the counter under
   * {@code key}; null if the key is absent. The server counts in unsigned 64 bits; a sum past a
   * signed 64-bit integer is taken back at once (subtracted again, which commutes with any other
   * client's change) and refused, so the counter never wraps and the caller is told.
   *
   * @throws CounterOverflowException if the sum is beyond a signed 64-bit integer
   */
  static Long add(
      MemcachedClient client, String key, long delta, long timeoutMillis, String callerKey)
      throws TimeoutException, InterruptedException, MemcachedException {
    if (delta == Long.MIN_VALUE) {
      // Its magnitude is no signed long: refused before the wire.
      throw new CounterOverflowException(callerKey, "a counter", delta);
    }
    CommandType type = delta < 0 ? CommandType.DECR : CommandType.INCR;
    long amount = delta < 0 ? -delta : delta;
    Object result = send(client, key, type, amount, timeoutMillis);
    if (result instanceof BigInteger value) {
      if (value.bitLength() < 64) {
        return value.longValue();
      }
      send(client, key, type == CommandType.INCR ? CommandType.DECR : CommandType.INCR, amount, timeoutMillis);
      throw new CounterOverflowException(callerKey, value.subtract(BigInteger.valueOf(delta)), delta);
    }
    if ("NOT_FOUND".equals(result)) {
      return null;
    }
    throw new MemcachedException("unexpected answer to " + type + ": " + result);
  }

  private static Object send(
      MemcachedClient client, String key, CommandType type, long amount, long timeoutMillis)
      throws TimeoutException, InterruptedException, MemcachedException {
    return Pipeline.one(client, new UnsignedCounterCommand(key, type, amount), timeoutMillis);
  }
}
