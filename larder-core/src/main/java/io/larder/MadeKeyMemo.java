package io.larder;

/**
 * Remembers the made key of recently used caller keys, at the cache's default version. Handing
 * the store the same {@code String} instance each time means its hash is already computed and
 * the store's key comparison is an identity check, and nothing is allocated or validated again:
 * on a local-memory hit that is most of the framework's cost.
 *
 * <p>Direct-mapped and lossy: a slot holds the last key that hashed to it. Slots are immutable
 * records published by a plain array store, so a racing reader sees either the old or the new
 * pair, both correct.
 */
final class MadeKeyMemo {
  private static final int SLOTS = 4096;

  private final Slot[] slots = new Slot[SLOTS];

  private record Slot(String key, String made) {}

  /** The made key remembered for {@code key}, or null. */
  String get(String key) {
    Slot slot = slots[index(key)];
    if (slot != null && (slot.key == key || slot.key.equals(key))) {
      return slot.made;
    }
    return null;
  }

  void put(String key, String made) {
    slots[index(key)] = new Slot(key, made);
  }

  private static int index(String key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }
}
