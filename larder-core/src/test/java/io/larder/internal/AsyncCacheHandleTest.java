package io.larder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.AsyncCache;
import io.larder.Cache;
import io.larder.Caches;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handle behind {@code cache.async()}: what the contract suite does not reach. */
class AsyncCacheHandleTest {

  // A default method added to AsyncCache would bypass the handle's rule for choosing the store's
  // client or the pool; each operation is written in the handle instead.
  @Test
  void everyAsyncCacheMethodIsWrittenInTheHandle() {
    assertThat(Arrays.stream(AsyncCache.class.getMethods()).filter(method -> !written(method)))
        .isEmpty();
  }

  private static boolean written(Method method) {
    try {
      AsyncCacheHandle.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Test
  void aHandleKeepsOneAsyncFaceThatLeadsBackToIt() {
    try (Caches caches =
        Caches.builder().environment(Map.of()).cache("default", c -> c.backend("locmem")).build()) {
      Cache cache = caches.getDefault();
      Cache versioned = cache.withVersion(2);
      assertThat(cache.async()).isSameAs(cache.async()).isNotEqualTo(versioned.async());
      assertThat(versioned.async().sync()).isSameAs(versioned);
      assertThat(versioned.async()).hasToString("Async" + versioned);
      assertThat(cache.async().hashCode()).isEqualTo(System.identityHashCode(cache.async()));
    }
  }
}
