package io.larder.web.session;

import io.larder.Cache;
import java.util.List;

/** The {@code cache} engine on the {@code default} cache; subclasses say which backend. */
abstract class CacheEngineSessionContractTest extends SessionContractTest {
  @Override
  SessionSettings.Builder settings() {
    return SessionSettings.builder();
  }

  @Override
  List<Cache> stores() {
    return List.of(caches.getDefault());
  }
}
