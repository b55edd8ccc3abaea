package io.larder.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of keys shaped like real ones ({@code anchor:key:00042}: a word, a kind, a padded
 * number; 16 characters with a 6-letter prefix), walked in a scrambled order so that lookups do not
 * follow insertion.
 */
final class Keys {
  /** A 100-character value, the size the side-by-side pairs store. */
  static final String VALUE = "v".repeat(100);

  private final String[] keys;
  private int next;

  Keys(String prefix, int count) {
    keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = String.format("%s:key:%05d", prefix, i);
    }
  }

  String next() {
    // 7919 is prime and coprime to every count used here, so this visits every key.
    next = (next + 7919) % keys.length;
    return keys[next];
  }

  /** The next {@code count} keys of the walk. */
  List<String> next(int count) {
    List<String> next = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      next.add(next());
    }
    return next;
  }

  String[] all() {
    return keys.clone();
  }

  /** {@code key} as the raw clients' byte-array keys. */
  static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
