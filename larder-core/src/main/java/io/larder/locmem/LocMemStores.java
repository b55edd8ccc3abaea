package io.larder.locmem;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The process-wide stores by {@code location} name: Django's module-level {@code _caches}. */
final class LocMemStores {
  private static final ConcurrentMap<String, LocMemStore> STORES = new ConcurrentHashMap<>();

  private LocMemStores() {}

  /** The store named {@code location}, made if need be, admitting a cache of {@code maxEntries}. */
  static LocMemStore get(String location, int maxEntries) {
    LocMemStore store = STORES.computeIfAbsent(location, name -> new LocMemStore(maxEntries));
    store.admit(maxEntries);
    return store;
  }
}
