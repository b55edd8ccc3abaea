package io.larder.memcached;

import com.google.code.yanf4j.buffer.IoBuffer;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import net.rubyeye.xmemcached.command.Command;
import net.rubyeye.xmemcached.command.CommandType;
import net.rubyeye.xmemcached.impl.MemcachedTCPSession;
import net.rubyeye.xmemcached.utils.ByteUtils;

/**
 * memcached's text {@code incr}/{@code decr}, whose reply is read as the unsigned 64-bit number the
 * server keeps. xmemcached's own command reads it with {@code Long.valueOf}: a counter past 2^63
 * makes it fail to parse the reply and close the connection, and the server is taken for dead
 * although it has answered. The result is a {@link BigInteger}, or {@code "NOT_FOUND"}.
 */
final class UnsignedCounterCommand extends Command {
  private static final String NOT_FOUND = "NOT_FOUND";

  private final long amount;

  /** {@code incr} (or {@code decr}) of {@code key} by {@code amount}, which must be positive. */
  UnsignedCounterCommand(String key, CommandType type, long amount) {
    super(key, key.getBytes(StandardCharsets.UTF_8), type, new CountDownLatch(1));
    if (amount < 0) {
      throw new IllegalArgumentException("amount " + amount + " is negative");
    }
    this.amount = amount;
  }

  @Override
  public void encode() {
    String verb = commandType == CommandType.DECR ? "decr " : "incr ";
    byte[] head = verb.getBytes(StandardCharsets.US_ASCII);
    byte[] tail = (" " + amount + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[head.length + keyBytes.length + tail.length];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(keyBytes, 0, line, head.length, keyBytes.length);
    System.arraycopy(tail, 0, line, head.length + keyBytes.length, tail.length);
    ioBuffer = IoBuffer.wrap(line);
  }

  @Override
  public boolean decode(MemcachedTCPSession session, ByteBuffer buffer) {
    String line = ByteUtils.nextLine(buffer);
    if (line == null) {
      return false;
    }
    if (line.equals(NOT_FOUND)) {
      setResult(NOT_FOUND);
      countDownLatch();
      return true;
    }
    String number = line.trim();
    if (!number.isEmpty() && number.length() <= 20 && number.chars().allMatch(Character::isDigit)) {
      setResult(new BigInteger(number));
      countDownLatch();
      return true;
    }
    return decodeError(line);
  }
}
