package io.larder.locmem;

/**
 * The entries stored under one caller key, one per key head ({@code "prefix:version:"}): an
 * immutable chain, almost always of one link. The store is indexed by the caller's key so that a
 * read finds its entry without joining the head and the key into a new string; caches of other
 * prefixes or versions sharing the store add links. A chain is replaced, never changed, so
 * readers need no lock.
 */
final class Entries {
  final String head;
  final Object value;
  /** Epoch milliseconds; {@link Long#MAX_VALUE} for never. */
  final long expiresAtMillis;
  /** Whether the made key breaks no key rule, so that reads need not check it again. */
  final boolean validKey;
  final Entries next;

  private Entries(
      String head, Object value, long expiresAtMillis, boolean validKey, Entries next) {
    this.head = head;
    this.value = value;
    this.expiresAtMillis = expiresAtMillis;
    this.validKey = validKey;
    this.next = next;
  }

  /** Django's rule: an entry has expired once its expiry time is not after now. */
  boolean isLiveAt(long nowMillis) {
    return expiresAtMillis > nowMillis;
  }

  /** The link of {@code head} in {@code chain}, live or not, or null. */
  static Entries find(Entries chain, String head) {
    for (Entries link = chain; link != null; link = link.next) {
      if (link.head == head || link.head.equals(head)) {
        return link;
      }
    }
    return null;
  }

  /** The live link of {@code head} in {@code chain}, or null. */
  static Entries findLive(Entries chain, String head, long nowMillis) {
    Entries link = find(chain, head);
    return link != null && link.isLiveAt(nowMillis) ? link : null;
  }

  /**
   * {@code chain} with {@code head}'s entry set to {@code value} until {@code expiresAtMillis}, and
   * the links expired at {@code nowMillis} dropped.
   */
  static Entries with(
      Entries chain,
      String head,
      Object value,
      long expiresAtMillis,
      boolean validKey,
      long nowMillis) {
    return new Entries(head, value, expiresAtMillis, validKey, without(chain, head, nowMillis));
  }

  /** {@code chain} without {@code head}'s entry and the expired links; null when none is left. */
  static Entries without(Entries chain, String head, long nowMillis) {
    if (chain == null) {
      return null;
    }
    Entries rest = without(chain.next, head, nowMillis);
    boolean drop = chain.head.equals(head) || !chain.isLiveAt(nowMillis);
    if (drop) {
      return rest;
    }
    return rest == chain.next
        ? chain
        : new Entries(chain.head, chain.value, chain.expiresAtMillis, chain.validKey, rest);
  }

  /** The number of links: the chain's weight against {@code max_entries}. */
  static int size(Entries chain) {
    int size = 0;
    for (Entries link = chain; link != null; link = link.next) {
      size++;
    }
    return size;
  }
}
