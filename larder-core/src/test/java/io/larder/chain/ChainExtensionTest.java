package io.larder.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.MutableClock;
import io.larder.SerializationException;
import io.larder.StandardError;
import io.larder.Timeout;
import io.larder.spi.CacheStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a chain of local memory over files does to each tier, beyond Django's contract. */
class ChainExtensionTest {
  @TempDir Path tempDir;

  private final MutableClock clock = new MutableClock();
  private Caches caches;
  private Cache chain;
  private Cache memory;
  private Cache file;

  @BeforeEach
  void build() {
    caches = build(c -> {}, c -> {});
    chain = caches.getDefault();
    memory = caches.get("memory");
    file = caches.get("file");
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private Caches build(Consumer<CacheDefinition> chainExtra, Consumer<CacheDefinition> fileExtra) {
    return Caches.builder()
        .environment(Map.of())
        .clock(clock)
        .cache(
            "default",
            c -> chainExtra.accept(c.backend("chain").option("caches", List.of("memory", "file"))))
        .cache("memory", c -> c.backend("locmem").location("chain-" + UUID.randomUUID()))
        .cache(
            "file", c -> fileExtra.accept(c.backend("filebased").location(directory().toString())))
        .build();
  }

  private Path directory() {
    return tempDir.resolve("cache");
  }

  /** What the tier holds for the chain's {@code key}: every tier stores under the chain's key. */
  private static Object copyIn(Cache tier, Cache chain, String key) {
    Object value = tier.unwrap(CacheStore.class).load(chain.makeKey(key));
    return value == CacheStore.MISSING ? "absent" : value;
  }

  private static Timeout timeToLiveIn(Cache tier, Cache chain, String key) {
    return tier.unwrap(CacheStore.class).timeToLive(chain.makeKey(key));
  }

  // ------------------------------------------------------------ reads and refills

  @Test
  void aHitInTheSlowerTierRefillsTheFasterOne() {
    file.set("k", "v", Timeout.seconds(3));
    assertThat((String) chain.get("k")).isEqualTo("v");
    assertThat(copyIn(memory, chain, "k")).isEqualTo("v");
  }

  @Test
  void aRefilledCopyExpiresWhenTheCopyItCameFromDoes() {
    file.set("k", "v", Timeout.seconds(2));
    chain.get("k");
    clock.advanceSeconds(2.1);
    assertThat(copyIn(memory, chain, "k")).isEqualTo("absent");
    assertThat((Object) chain.get("k")).isNull();
  }

  @Test
  void aRefilledCopyLivesForTheRemainingTimeNotTheFullTimeout() {
    file.set("k", "v", Timeout.seconds(4));
    clock.advanceSeconds(3);
    chain.get("k");
    assertThat(timeToLiveIn(memory, chain, "k").toMillis()).isEqualTo(1000);
  }

  @Test
  void aLocalCopyAboveASharedTierLivesAtMostLocalTimeout() {
    chain.set("k", "v", Timeout.seconds(300));
    assertThat(timeToLiveIn(memory, chain, "k")).isEqualTo(Timeout.seconds(5));
    assertThat(timeToLiveIn(file, chain, "k")).isEqualTo(Timeout.seconds(300));
  }

  @Test
  void aWriteByAnotherProcessIsSeenOnceLocalTimeoutHasPassed() {
    chain.set("k", "old", Timeout.NEVER);
    file.set("k", "new", Timeout.NEVER); // as another process would
    assertThat((String) chain.get("k")).isEqualTo("old");
    clock.advanceSeconds(5);
    assertThat((String) chain.get("k")).isEqualTo("new");
  }

  @Test
  void localTimeoutIsConfigurable() {
    try (Caches configured = build(c -> c.option("local_timeout", 0.5), c -> {})) {
      Cache configuredChain = configured.getDefault();
      configuredChain.set("k", "v", Timeout.NEVER);
      assertThat(timeToLiveIn(configured.get("memory"), configuredChain, "k"))
          .isEqualTo(Timeout.millis(500));
    }
  }

  @Test
  void aMissReachesEveryTier() {
    chain.get("missing");
    assertThat(chain.unwrap(ChainExtension.class).tierStats())
        .containsExactly(new TierStats("memory", 0, 1, 0), new TierStats("file", 0, 1, 0));
  }

  @Test
  void tierStatsCountHitsMissesAndRefillsPerTier() {
    file.set("k", "v");
    chain.get("k");
    chain.get("k");
    chain.getMany(List.of("k", "missing"));
    assertThat(chain.unwrap(ChainExtension.class).tierStats())
        .containsExactly(new TierStats("memory", 2, 2, 1), new TierStats("file", 1, 1, 0));
    assertThat(chain.stats().hits()).isEqualTo(3);
    assertThat(chain.stats().misses()).isEqualTo(1);
  }

  @Test
  void getManyRefillsTheFasterTierWithWhatTheSlowerOneFound() {
    file.set("a", 1, Timeout.seconds(2));
    chain.set("b", 2);
    assertThat(chain.getMany(List.of("a", "b", "c")))
        .containsOnly(Map.entry("a", 1), Map.entry("b", 2));
    assertThat(copyIn(memory, chain, "a")).isEqualTo(1);
    assertThat(timeToLiveIn(memory, chain, "a")).isEqualTo(Timeout.seconds(2));
  }

  @Test
  void theTiersListsTheAliasesFastestFirst() {
    assertThat(chain.unwrap(ChainExtension.class).tiers()).containsExactly("memory", "file");
  }

  // ------------------------------------------------------------ writes

  @Test
  void setWritesEveryTier() {
    chain.set("k", "v");
    assertThat(copyIn(memory, chain, "k")).isEqualTo("v");
    assertThat(copyIn(file, chain, "k")).isEqualTo("v");
  }

  @Test
  void setWritesTheAuthoritativeTierFirst() {
    chain.set("k", "old");
    assertThatThrownBy(() -> chain.set("k", new Object()))
        .isInstanceOf(SerializationException.class);
    assertThat(copyIn(memory, chain, "k")).isEqualTo("old");
    assertThat(copyIn(file, chain, "k")).isEqualTo("old");
  }

  @Test
  void setManyWritesTheFasterTiersOnlyWithWhatTheAuthoritativeTierStored() {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("good", "fine");
    values.put("bad", new Object());
    assertThat(chain.setMany(values)).containsExactly("bad");
    assertThat(copyIn(memory, chain, "good")).isEqualTo("fine");
    assertThat(copyIn(memory, chain, "bad")).isEqualTo("absent");
  }

  @Test
  void addIsDecidedByTheAuthoritativeTier() {
    file.set("k", "there");
    assertThat(chain.add("k", "new")).isFalse();
    assertThat(copyIn(memory, chain, "k")).isEqualTo("absent");
    assertThat(copyIn(file, chain, "k")).isEqualTo("there");
  }

  @Test
  void aSuccessfulAddIsCopiedToTheFasterTiers() {
    memory.set("k", "stale");
    assertThat(chain.add("k", "new")).isTrue();
    assertThat(copyIn(memory, chain, "k")).isEqualTo("new");
    assertThat(copyIn(file, chain, "k")).isEqualTo("new");
  }

  @Test
  void incrRunsOnTheAuthoritativeTierAndDropsTheFasterCopies() {
    chain.set("n", 1);
    assertThat(chain.incr("n")).isEqualTo(2);
    assertThat(copyIn(memory, chain, "n")).isEqualTo("absent");
    assertThat(copyIn(file, chain, "n")).isEqualTo(2);
    assertThat((Integer) chain.get("n")).isEqualTo(2);
    assertThat(copyIn(memory, chain, "n")).isEqualTo(2);
  }

  @Test
  void incrOfAKeyOnlyAFasterTierHoldsIsAMissingKey() {
    memory.set("n", 1);
    assertThatThrownBy(() -> chain.incr("n")).isInstanceOf(io.larder.MissingKeyException.class);
    assertThat(copyIn(memory, chain, "n")).isEqualTo("absent");
  }

  @Test
  void touchRunsOnTheAuthoritativeTierAndDropsTheFasterCopies() {
    chain.set("k", "v", Timeout.seconds(10));
    assertThat(chain.touch("k", Timeout.seconds(60))).isTrue();
    assertThat(copyIn(memory, chain, "k")).isEqualTo("absent");
    assertThat(timeToLiveIn(file, chain, "k")).isEqualTo(Timeout.seconds(60));
  }

  @Test
  void deleteRemovesTheKeyFromEveryTier() {
    chain.set("k", "v");
    assertThat(chain.delete("k")).isTrue();
    assertThat(copyIn(memory, chain, "k")).isEqualTo("absent");
    assertThat(copyIn(file, chain, "k")).isEqualTo("absent");
  }

  @Test
  void deleteIsTrueWhenOnlyAFasterTierHadTheKey() {
    memory.set("k", "v");
    assertThat(chain.delete("k")).isTrue();
  }

  @Test
  void clearClearsEveryTier() {
    memory.set("own", 1);
    file.set("own", 2);
    chain.clear();
    assertThat(memory.hasKey("own")).isFalse();
    assertThat(file.hasKey("own")).isFalse();
  }

  @Test
  void everyTierStoresUnderTheChainsKeyWhateverItsOwnVersion() {
    try (Caches prefixed = build(c -> c.keyPrefix("shop").version(3), c -> c.keyPrefix("shop"))) {
      prefixed.getDefault().set("user:42", "Ada");
      assertThat(prefixed.getDefault().makeKey("user:42")).isEqualTo("shop:3:user:42");
      assertThat(prefixed.get("file").unwrap(CacheStore.class).load("shop:3:user:42"))
          .isEqualTo("Ada");
      assertThat(prefixed.get("memory").unwrap(CacheStore.class).load("shop:3:user:42"))
          .isEqualTo("Ada");
    }
  }

  @Test
  void aPlainCacheWithTheChainsPrefixAndVersionReadsWhatTheChainWrote() {
    try (Caches prefixed = build(c -> c.keyPrefix("shop").version(3), c -> c.keyPrefix("shop"))) {
      prefixed.getDefault().set("user:42", "Ada");
      assertThat((String) prefixed.get("file").withVersion(3).get("user:42")).isEqualTo("Ada");
    }
  }

  @Test
  void aTiersOwnStatisticsDoNotCountTheChainsReadsAndWrites() {
    chain.set("k", "v");
    chain.get("k");
    chain.get("missing");
    assertThat(memory.stats()).isEqualTo(file.stats());
    assertThat(memory.stats().hits() + memory.stats().misses() + memory.stats().sets()).isZero();
  }

  // ------------------------------------------------------------ failures

  @Test
  void aFailingTierThatFailsOpenIsSkipped() throws IOException {
    try (Caches tolerant = build(c -> {}, c -> c.option("ignore_exceptions", true))) {
      Cache tolerantChain = tolerant.getDefault();
      breakDirectory();
      tolerantChain.set("k", "v");
      assertThat((String) tolerantChain.get("k")).isEqualTo("v");
      assertThat((Object) tolerantChain.get("missing")).isNull();
      assertThat(tolerant.get("file").stats().errors()).isPositive();
    }
  }

  @Test
  void aTierFailingOpenCountsAndLogsTheFailureAsItsOwnCacheDoes() throws IOException {
    try (Caches tolerant = build(c -> {}, c -> c.option("ignore_exceptions", true))) {
      Cache tolerantChain = tolerant.getDefault();
      breakDirectory();
      String log = StandardError.of(() -> tolerantChain.set("k", "v"));
      assertThat(tolerant.get("file").stats().errors()).isEqualTo(1);
      assertThat(log)
          .contains("Cache 'file': set of " + tolerantChain.makeKey("k") + " failed, ignored");
    }
  }

  @Test
  void callsToATierSkippedWhileItsBreakerIsOpenAreLoggedOncePerOperation() throws IOException {
    try (Caches tolerant = build(c -> {}, c -> c.option("ignore_exceptions", true))) {
      Cache tolerantChain = tolerant.getDefault();
      breakDirectory();
      String log =
          StandardError.of(
              () -> {
                for (int i = 0; i < 20; i++) {
                  tolerantChain.set("k", "v");
                }
              });
      assertThat(tolerant.get("file").stats().circuitOpen()).isTrue();
      assertThat(tolerant.get("file").stats().errors()).isEqualTo(20);
      // The failure that opened the breaker, then one line for the calls it held back.
      assertThat(log.split("set of " + tolerantChain.makeKey("k") + " failed, ignored", -1))
          .hasSize(3);
      assertThat(log).contains("not sent");
    }
  }

  @Test
  void aFailingStrictTierFailsTheOperation() throws IOException {
    breakDirectory();
    assertThatThrownBy(() -> chain.set("k", "v"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("'file'");
    assertThat(copyIn(memory, chain, "k")).isEqualTo("absent");
  }

  /** Replaces the file tier's directory by a plain file: every access fails, even for root. */
  private void breakDirectory() throws IOException {
    try (Stream<Path> all = Files.walk(directory())) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.writeString(directory(), "not a directory");
  }
}
