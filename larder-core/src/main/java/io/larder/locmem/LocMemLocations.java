package io.larder.locmem;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The process-wide stores by {@code location} name: Django's module-level {@code _caches}. */
final class LocMemLocations {
  private static final ConcurrentMap<String, LocMemLocation> STORES = new ConcurrentHashMap<>();

  private LocMemLocations() {}

  /** The store named {@code location}, made if need be, admitting a cache of {@code maxEntries}. */
  static LocMemLocation get(String location, int maxEntries) {
    LocMemLocation store = STORES.computeIfAbsent(location, name -> new LocMemLocation(maxEntries));
    store.admit(maxEntries);
    return store;
  }

  /** Drops the store named {@code location} and its entries, if there is one. */
  static void release(String location) {
    LocMemLocation store = STORES.remove(location);
    if (store != null) {
      store.entries.invalidateAll();
    }
  }
}
