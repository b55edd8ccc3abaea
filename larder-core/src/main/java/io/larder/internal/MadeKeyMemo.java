package io.larder.internal;

/**
 * The made keys of recently used caller keys at a cache's configured version, so that a hot key
 * is joined to its {@code "prefix:version:"} head, scanned for memcached's key rules and hashed
 * once rather than on every call.
 *
 * <p>Why it exists: on a local-memory hit the join, the scan and hashing the fresh string cost as
 * much as Caffeine's own lookup (get-hit 0.75x raw Caffeine without the memo; docs/benchmarks.md
 * has the figure with it and the command). Handing out the same {@code String} each time also
 * lets the store compare keys by reference and reuse the string's cached hash.
 *
 * <p>A direct-mapped table: one slot per hash, the latest key wins a contested slot. A slot holds
 * an immutable pair, so unsynchronised reads and writes are safe (final fields); a lost race costs
 * one join. Only valid keys are remembered, so an invalid key is still checked (and refused or
 * warned of) on every call.
 */
final class MadeKeyMemo {
  /** Slots beyond this buy little: the table would outgrow the processor's caches. */
  private static final int MAX_SLOTS = 1 << 16;

  private record Pair(String key, String made) {}

  private final Pair[] slots;
  private final int mask;

  /** A table for about {@code expectedKeys} live keys: twice as many slots, up to 65,536. */
  MadeKeyMemo(int expectedKeys) {
    int wanted = (int) Math.min(MAX_SLOTS, Math.max(16L, 2L * expectedKeys));
    int size = Integer.highestOneBit(wanted - 1) << 1;
    this.slots = new Pair[size];
    this.mask = size - 1;
  }

  /** The remembered made key of {@code key}, or null. */
  String find(String key) {
    Pair pair = slots[slot(key)];
    return pair != null && pair.key.equals(key) ? pair.made : null;
  }

  void remember(String key, String made) {
    slots[slot(key)] = new Pair(key, made);
  }

  private int slot(String key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & mask;
  }
}
