package io.larder.benchmarks;

/** A fixed set of keys, walked in a scrambled order so that lookups do not follow insertion. */
final class Keys {
  private final String[] keys;
  private int next;

  Keys(String prefix, int count) {
    keys = new String[count];
    for (int i = 0; i < count; i++) {
      keys[i] = prefix + i;
    }
  }

  String next() {
    // 7919 is prime and coprime to every count used here, so this visits every key.
    next = (next + 7919) % keys.length;
    return keys[next];
  }

  String[] all() {
    return keys.clone();
  }
}
