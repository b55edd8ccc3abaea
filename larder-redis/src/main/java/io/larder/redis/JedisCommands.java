package io.larder.redis;

import static redis.clients.jedis.Protocol.Command.DEL;
import static redis.clients.jedis.Protocol.Command.EVAL;
import static redis.clients.jedis.Protocol.Command.EXISTS;
import static redis.clients.jedis.Protocol.Command.GET;
import static redis.clients.jedis.Protocol.Command.INFO;
import static redis.clients.jedis.Protocol.Command.MGET;
import static redis.clients.jedis.Protocol.Command.PERSIST;
import static redis.clients.jedis.Protocol.Command.PEXPIRE;
import static redis.clients.jedis.Protocol.Command.PTTL;
import static redis.clients.jedis.Protocol.Command.SET;

import java.util.List;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.params.SetParams;

/**
 * The commands {@link JedisWire} sends, made from Jedis's stable protocol classes ({@code
 * CommandArguments}, {@code BuilderFactory}: the same in Jedis 6, 7 and 8) rather than its {@code
 * CommandObjects}, whose constructor changed in Jedis 8: Spring Boot 4's dependency management
 * brings Jedis 7.0, and larder-redis must run on it.
 */
final class JedisCommands {
  private JedisCommands() {}

  static CommandObject<byte[]> get(byte[] key) {
    return new CommandObject<>(new CommandArguments(GET).key(key), BuilderFactory.BINARY);
  }

  static CommandObject<List<byte[]>> mget(byte[][] keys) {
    return new CommandObject<>(
        new CommandArguments(MGET).keys((Object[]) keys), BuilderFactory.BINARY_LIST);
  }

  /** {@code SET}: "OK", or null when {@code NX} found the key. */
  static CommandObject<String> set(byte[] key, byte[] value, SetParams params) {
    return new CommandObject<>(
        new CommandArguments(SET).key(key).add(value).addParams(params), BuilderFactory.STRING);
  }

  static CommandObject<Long> del(byte[][] keys) {
    return new CommandObject<>(new CommandArguments(DEL).keys((Object[]) keys), BuilderFactory.LONG);
  }

  static CommandObject<Long> exists(byte[] key) {
    return new CommandObject<>(new CommandArguments(EXISTS).key(key), BuilderFactory.LONG);
  }

  static CommandObject<Long> persist(byte[] key) {
    return new CommandObject<>(new CommandArguments(PERSIST).key(key), BuilderFactory.LONG);
  }

  static CommandObject<Long> pexpire(byte[] key, long px) {
    return new CommandObject<>(new CommandArguments(PEXPIRE).key(key).add(px), BuilderFactory.LONG);
  }

  static CommandObject<Long> pttl(byte[] key) {
    return new CommandObject<>(new CommandArguments(PTTL).key(key), BuilderFactory.LONG);
  }

  static CommandObject<String> infoCluster() {
    return new CommandObject<>(new CommandArguments(INFO).add("cluster"), BuilderFactory.STRING);
  }

  /** {@code EVAL script 1 key argument}, answering a bulk string or null. */
  static CommandObject<byte[]> eval(byte[] script, byte[] key, byte[] argument) {
    return new CommandObject<>(
        new CommandArguments(EVAL).add(script).add(1).key(key).add(argument),
        BuilderFactory.BINARY);
  }
}
