package io.larder.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.cache.Cache.ValueRetrievalException;
import org.springframework.cache.Cache.ValueWrapper;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * Spring's {@code Cache} contract (the intent of Spring's {@code AbstractCacheTests} and {@code
 * AbstractValueAdaptingCacheTests}), written once and run by every backend's subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringCacheContractTest {
  protected Caches caches;
  protected Cache larder;
  protected LarderCache cache;

  /** The caches under test: a {@code default} alias over a store this test class has to itself. */
  protected abstract Caches open();

  /** One client per class: a connection per test would cost more than the test. */
  @BeforeAll
  void openCaches() {
    caches = open();
    larder = caches.getDefault();
  }

  @BeforeEach
  void emptyCache() {
    larder.clear();
    cache = new LarderCache("books", larder, true);
  }

  @AfterAll
  void closeCaches() {
    larder.clear();
    caches.close();
  }

  @Test
  void theNameAndNativeCacheAreTheOnesGiven() {
    assertThat(cache.getName()).isEqualTo("books");
    assertThat(cache.getNativeCache()).isSameAs(larder);
  }

  @Test
  void getOfAnAbsentKeyIsNull() {
    assertThat(cache.get("absent")).isNull();
  }

  @Test
  void putThenGetReturnsAWrapperOfTheValue() {
    cache.put("title", "Dune");

    ValueWrapper wrapper = cache.get("title");
    assertThat(wrapper).isNotNull();
    assertThat(wrapper.get()).isEqualTo("Dune");
  }

  @Test
  void putReplacesTheValue() {
    cache.put("title", "Dune");
    cache.put("title", "Emma");

    assertThat(cache.get("title", String.class)).isEqualTo("Emma");
  }

  @Test
  void aStoredNullIsAWrapperOfNullNotAMiss() {
    cache.put("nothing", null);

    ValueWrapper wrapper = cache.get("nothing");
    assertThat(wrapper).isNotNull();
    assertThat(wrapper.get()).isNull();
  }

  @Test
  void aStoredNullIsStoredAsDjangosNoneNotAsSpringsNullValue() {
    cache.put("nothing", null);

    assertThat(larder.hasKey("nothing")).isTrue();
    assertThat((Object) larder.get("nothing", "absent")).isNull();
  }

  @Test
  void aNullIsRefusedWhenNullValuesAreNotAllowed() {
    LarderCache strict = new LarderCache("strict", larder, false);

    assertThatThrownBy(() -> strict.put("nothing", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strict");
    assertThat(larder.hasKey("nothing")).isFalse();
  }

  @Test
  void aStoredNullIsAMissWhenNullValuesAreNotAllowed() {
    larder.set("nothing", null);
    LarderCache strict = new LarderCache("strict", larder, false);

    assertThat(strict.get("nothing")).isNull();
  }

  @Test
  void getWithATypeReturnsTheValue() {
    cache.put("count", 7);

    assertThat(cache.get("count", Integer.class)).isEqualTo(7);
    assertThat(cache.get("count", Number.class)).isEqualTo(7);
  }

  @Test
  void getWithATypeOfAMissIsNull() {
    assertThat(cache.get("absent", String.class)).isNull();
  }

  @Test
  void getWithAnotherTypeIsRefused() {
    cache.put("count", 7);

    assertThatThrownBy(() -> cache.get("count", String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.String");
  }

  @Test
  void getWithALoaderComputesOnAMissAndStoresTheValue() {
    assertThat(cache.get("title", () -> "Dune")).isEqualTo("Dune");

    assertThat(cache.get("title", String.class)).isEqualTo("Dune");
  }

  @Test
  void getWithALoaderDoesNotCallTheLoaderOnAHit() {
    cache.put("title", "Dune");
    AtomicInteger calls = new AtomicInteger();

    assertThat(cache.get("title", () -> "Emma" + calls.incrementAndGet())).isEqualTo("Dune");
    assertThat(calls).hasValue(0);
  }

  @Test
  void getWithALoaderTreatsAStoredNullAsAHit() {
    cache.put("nothing", null);

    assertThat(cache.<String>get("nothing", () -> "computed")).isNull();
  }

  @Test
  void getWithALoaderStoresANullResult() {
    assertThat(cache.<String>get("nothing", () -> null)).isNull();

    assertThat(cache.get("nothing")).isNotNull();
  }

  @Test
  void aLoadersExceptionIsWrappedAndNothingIsStored() {
    IOException failure = new IOException("the database is down");

    assertThatThrownBy(
            () ->
                cache.get(
                    "title",
                    () -> {
                      throw failure;
                    }))
        .isInstanceOf(ValueRetrievalException.class)
        .hasCause(failure);
    assertThat(cache.get("title")).isNull();
  }

  @Test
  void aNullResultIsWrappedAsAFailureWhenNullValuesAreNotAllowed() {
    LarderCache strict = new LarderCache("strict", larder, false);

    assertThatThrownBy(() -> strict.get("nothing", () -> null))
        .isInstanceOf(ValueRetrievalException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(larder.hasKey("nothing")).isFalse();
  }

  @Test
  void putIfAbsentStoresWhenAbsentAndReturnsNull() {
    assertThat(cache.putIfAbsent("title", "Dune")).isNull();

    assertThat(cache.get("title", String.class)).isEqualTo("Dune");
  }

  @Test
  void putIfAbsentKeepsThePresentValueAndReturnsIt() {
    cache.put("title", "Dune");

    ValueWrapper present = cache.putIfAbsent("title", "Emma");

    assertThat(present).isNotNull();
    assertThat(present.get()).isEqualTo("Dune");
    assertThat(cache.get("title", String.class)).isEqualTo("Dune");
  }

  @Test
  void putIfAbsentReturnsAWrapperOfAPresentNull() {
    cache.put("nothing", null);

    ValueWrapper present = cache.putIfAbsent("nothing", "something");

    assertThat(present).isNotNull();
    assertThat(present.get()).isNull();
  }

  @Test
  void evictRemovesTheKey() {
    cache.put("title", "Dune");

    cache.evict("title");

    assertThat(cache.get("title")).isNull();
  }

  @Test
  void evictIfPresentTellsWhetherTheKeyWasThere() {
    cache.put("title", "Dune");

    assertThat(cache.evictIfPresent("title")).isTrue();
    assertThat(cache.evictIfPresent("title")).isFalse();
    assertThat(cache.get("title")).isNull();
  }

  @Test
  void clearRemovesEveryKey() {
    cache.put("a", "1");
    cache.put("b", "2");

    cache.clear();

    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isNull();
  }

  @Test
  void invalidateRemovesEveryKeyAtOnce() {
    cache.put("a", "1");

    cache.invalidate();

    assertThat(cache.get("a")).isNull();
  }

  @Test
  void retrieveCompletesWithTheValue() throws Exception {
    cache.put("title", "Dune");

    Object retrieved = await(cache.retrieve("title"));

    assertThat(retrieved).isInstanceOf(ValueWrapper.class);
    assertThat(((ValueWrapper) retrieved).get()).isEqualTo("Dune");
  }

  @Test
  void retrieveOfAMissCompletesWithNull() throws Exception {
    assertThat(await(cache.retrieve("absent"))).isNull();
  }

  @Test
  void retrieveOfAStoredNullCompletesWithAWrapperOfNull() throws Exception {
    cache.put("nothing", null);

    Object retrieved = await(cache.retrieve("nothing"));

    assertThat(retrieved).isInstanceOf(ValueWrapper.class);
    assertThat(((ValueWrapper) retrieved).get()).isNull();
  }

  @Test
  void retrieveWithoutNullValuesCompletesWithThePlainValue() throws Exception {
    LarderCache strict = new LarderCache("strict", larder, false);
    strict.put("title", "Dune");

    assertThat(await(strict.retrieve("title"))).isEqualTo("Dune");
  }

  @Test
  void retrieveWithALoaderLoadsOnAMissAndStoresTheValue() throws Exception {
    String loaded = await(cache.retrieve("title", () -> CompletableFuture.completedFuture("Dune")));

    assertThat(loaded).isEqualTo("Dune");
    assertThat(cache.get("title", String.class)).isEqualTo("Dune");
  }

  @Test
  void retrieveWithALoaderDoesNotLoadOnAHit() throws Exception {
    cache.put("title", "Dune");
    AtomicInteger calls = new AtomicInteger();

    String retrieved =
        await(
            cache.retrieve(
                "title",
                () -> CompletableFuture.completedFuture("Emma" + calls.incrementAndGet())));

    assertThat(retrieved).isEqualTo("Dune");
    assertThat(calls).hasValue(0);
  }

  @Test
  void retrieveWithAFailingLoaderFailsWithItsFailureAndStoresNothing() {
    IllegalStateException failure = new IllegalStateException("the service is down");

    CompletableFuture<String> retrieved =
        cache.retrieve("title", () -> CompletableFuture.failedFuture(failure));

    assertThatThrownBy(() -> await(retrieved))
        .isInstanceOf(ExecutionException.class)
        .hasCause(failure);
    assertThat(cache.get("title")).isNull();
  }

  @Test
  void aPlainStringKeyIsTheKeyALarderOrDjangoCallerUses() {
    cache.put("user:42", "Ann");

    assertThat((String) larder.get("user:42")).isEqualTo("Ann");
  }

  @Test
  void aNumberKeyIsItsDecimalText() {
    cache.put(42L, "Ann");

    assertThat((String) larder.get("42")).isEqualTo("Ann");
    assertThat(cache.get(42, String.class)).isEqualTo("Ann");
  }

  @Test
  void aSimpleKeyOfSeveralParametersIsOneEntry() {
    cache.put(new SimpleKey("books", 7), "Dune");

    assertThat(cache.get(new SimpleKey("books", 7), String.class)).isEqualTo("Dune");
    assertThat(cache.get(new SimpleKey("books", 8))).isNull();
    assertThat((String) larder.get("books,7")).isEqualTo("Dune");
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }
}
