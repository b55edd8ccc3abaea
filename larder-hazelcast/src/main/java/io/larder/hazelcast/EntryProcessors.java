package io.larder.hazelcast;

import io.larder.CacheSettings;
import java.util.Locale;

/**
 * {@code options.entry_processors}: how {@code incr}, and {@code add} and {@code touch} through
 * {@code async()}, reach the members. Larder's entry processors do each in one atomic round trip,
 * but only on members that have the {@code larder-hazelcast} jar; stock calls work on any cluster,
 * with the weaker guarantees docs/hazelcast.md states.
 */
enum EntryProcessors {
  /** Entry processors while every member can load them, else stock calls (the default). */
  AUTO,
  /** Entry processors only: members without Larder's classes refuse the calls, naming the jar. */
  ALWAYS,
  /** Stock calls only, as on a cluster whose members are known to lack Larder's classes. */
  NEVER;

  static final String ACCEPTED =
      "auto (entry processors while every member has the larder-hazelcast jar, else stock"
          + " calls), true (entry processors only) or false (stock calls only)";

  static EntryProcessors of(CacheSettings settings) {
    Object value = HazelcastOptions.ENTRY_PROCESSORS.raw(settings);
    if (value == null) {
      return AUTO;
    }
    return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "true" -> ALWAYS;
      case "false" -> NEVER;
      default -> throw HazelcastOptions.ENTRY_PROCESSORS.invalid(settings, value, ACCEPTED);
    };
  }
}
