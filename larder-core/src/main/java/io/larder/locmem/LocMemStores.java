package io.larder.locmem;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The process-wide stores by {@code location} name: Django's module-level {@code _caches}. The
 * first cache configured with a name sets its size bound.
 */
final class LocMemStores {
  private static final ConcurrentMap<String, LocMemStore> STORES = new ConcurrentHashMap<>();

  private LocMemStores() {}

  static LocMemStore get(String location, int maxEntries) {
    return STORES.computeIfAbsent(location, name -> new LocMemStore(maxEntries));
  }
}
