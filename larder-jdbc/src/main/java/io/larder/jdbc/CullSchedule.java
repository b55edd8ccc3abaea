package io.larder.jdbc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a write must count the table's rows for Django's cull. Django runs {@code SELECT COUNT(*)}
 * before every set, add and touch: a full scan per write on a large PostgreSQL table. A count that
 * leaves {@code rows} rows proves the table cannot pass {@code max_entries} before {@code
 * max_entries - rows} more rows are inserted, so this process skips counting for that many writes,
 * and for at most {@code cull_count_every - 1}, which bounds how far other processes writing the
 * same table can push it past {@code max_entries} unnoticed. With a single writer the cull happens
 * on exactly the write where Django's would.
 */
final class CullSchedule {
  private final long maxEntries;
  private final long countEvery;

  /** Writes that may still go without a count; 0 at first, so the first write counts. */
  private final AtomicLong skips = new AtomicLong();

  CullSchedule(int maxEntries, int countEvery) {
    this.maxEntries = maxEntries;
    this.countEvery = countEvery;
  }

  /** True if this write must count the rows (and cull when they exceed {@code max_entries}). */
  boolean countDue() {
    return skips.getAndUpdate(n -> n > 0 ? n - 1 : 0) == 0;
  }

  /** Records that the table holds {@code rows} rows now, after any cull, before this write. */
  void counted(long rows) {
    skips.set(Math.max(0, Math.min(maxEntries - rows, countEvery - 1)));
  }
}
