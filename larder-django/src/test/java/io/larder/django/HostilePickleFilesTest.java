package io.larder.django;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.compress.Zlib;
import io.larder.file.FileBasedStore;
import io.larder.spi.DecodingBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile pickles planted in a Django-format file cache (issue 24): each {@code get} is a miss,
 * counted as a corrupt read, never an error or a hang. The timeout only stops a run that would
 * otherwise hang; nothing here measures speed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostilePickleFilesTest {
  /** A pickled {@code None} expiry: Django's "never expires" header. */
  private static final byte[] NEVER = {(byte) 0x80, 2, 'N', '.'};

  @TempDir Path dir;
  private Caches caches;
  private Cache cache;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c -> c.backend("filebased").location(dir.toString()).option("serializer", "pickle"))
            .build();
    cache = caches.getDefault();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private void plant(String key, byte[] pickle) throws IOException {
    byte[] value = Zlib.deflate(pickle, 6);
    byte[] content = new byte[NEVER.length + value.length];
    System.arraycopy(NEVER, 0, content, 0, NEVER.length);
    System.arraycopy(value, 0, content, NEVER.length, value.length);
    Files.write(cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey(key)), content);
  }

  private void assertCorruptMiss(String key) {
    assertThat(cache.get(key, "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
  }

  @Test
  void aSetOfNestedSharedListsBuiltByObjIsAMissNotSecondsOfHashing() throws IOException {
    plant("obj", HostilePickles.sharedListsInASetByObj(30));
    assertCorruptMiss("obj");
  }

  @Test
  void aSetOfNestedSharedListsBuiltByNewObjExIsAMiss() throws IOException {
    plant("newobj_ex", HostilePickles.sharedListsInASetByNewObjEx(30));
    assertCorruptMiss("newobj_ex");
  }

  @Test
  void listsNestedPastTheLimitAreAMiss() throws IOException {
    plant("deep", HostilePickles.nestedLists(DecodingBudget.MAX_DEPTH));
    assertCorruptMiss("deep");
  }

  @Test
  void aDictKeyNestedDeeperThanTheStackIsAMiss() throws IOException {
    plant("deep-key", HostilePickles.nestedListsAsDictKey(200_000));
    assertCorruptMiss("deep-key");
  }

  @Test
  void aPlantedPickleWithinTheLimitsIsRead() throws IOException {
    plant("ok", HostilePickles.nestedLists(3));
    Object read = cache.get("ok");
    assertThat(read).isInstanceOf(Map.class);
  }
}
