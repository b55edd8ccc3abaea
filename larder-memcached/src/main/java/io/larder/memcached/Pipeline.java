package io.larder.memcached;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.rubyeye.xmemcached.MemcachedClient;
import net.rubyeye.xmemcached.command.Command;
import net.rubyeye.xmemcached.command.TextCommandFactory;
import net.rubyeye.xmemcached.exception.MemcachedClientException;
import net.rubyeye.xmemcached.exception.MemcachedException;
import net.rubyeye.xmemcached.exception.MemcachedServerException;

/**
 * Commands written to one server's connection without waiting, then awaited together: many keys in
 * one round trip, and several servers at once when each is sent its commands before any is awaited.
 * xmemcached's blocking calls wait for each answer before the next command.
 */
final class Pipeline {
  static final TextCommandFactory COMMANDS = new TextCommandFactory();

  private final List<Command> commands;
  private final long timeoutMillis;

  private Pipeline(List<Command> commands, long timeoutMillis) {
    this.commands = commands;
    this.timeoutMillis = timeoutMillis;
  }

  /** Writes {@code commands} to {@code client}'s connection, in order, without waiting. */
  static Pipeline send(MemcachedClient client, List<Command> commands, long timeoutMillis)
      throws MemcachedException {
    for (Command command : commands) {
      client.getConnector().send(command);
    }
    return new Pipeline(commands, timeoutMillis);
  }

  /** Sends one command and waits for its answer; an error the server answered with is thrown. */
  static Object one(MemcachedClient client, Command command, long timeoutMillis)
      throws TimeoutException, InterruptedException, MemcachedException {
    Object result = send(client, List.of(command), timeoutMillis).await().get(0);
    if (result instanceof MemcachedException refused) {
      throw refused;
    }
    return result;
  }

  /**
   * Every command's answer, in order: its result, or the {@code CLIENT_ERROR}/{@code SERVER_ERROR}
   * the server answered it with.
   *
   * @throws TimeoutException if the answers are not all in within the timeout
   * @throws MemcachedException if the connection failed
   */
  List<Object> await() throws TimeoutException, InterruptedException, MemcachedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<Object> results = new ArrayList<>(commands.size());
    for (Command command : commands) {
      if (!command.getLatch().await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        commands.forEach(Command::cancel);
        throw new TimeoutException(
            "Timed out (" + timeoutMillis + " ms) waiting for " + commands.size() + " answers");
      }
      Exception error = command.getException();
      if (error instanceof MemcachedClientException || error instanceof MemcachedServerException) {
        results.add(error);
      } else if (error instanceof MemcachedException failed) {
        throw failed;
      } else if (error != null) {
        throw new MemcachedException(error);
      } else {
        results.add(command.getResult());
      }
    }
    return results;
  }
}
