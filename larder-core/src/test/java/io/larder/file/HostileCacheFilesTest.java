package io.larder.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.HostilePayloads;
import io.larder.compress.Zlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files planted in the cache directory by anyone who can write it (issue 16): each is a miss,
 * counted as a corrupt read and removed, never an error, a hang or an exhausted heap. The timeouts
 * only stop a run that would otherwise hang; nothing here measures speed.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileCacheFilesTest {
  /** A pickled {@code None} expiry: Django's "never expires" header. */
  private static final byte[] NEVER = {(byte) 0x80, 2, 'N', '.'};

  @TempDir Path dir;
  private Caches caches;
  private Cache cache;

  private Cache open(Consumer<CacheDefinition> extra) {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> extra.accept(c.backend("filebased").location(dir.toString())))
            .build();
    cache = caches.getDefault();
    return cache;
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private Path fileOf(String key) {
    return cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey(key));
  }

  private void plant(String key, byte[] value) throws IOException {
    byte[] content = new byte[NEVER.length + value.length];
    System.arraycopy(NEVER, 0, content, 0, NEVER.length);
    System.arraycopy(value, 0, content, NEVER.length, value.length);
    Files.write(fileOf(key), content);
  }

  private void assertCorruptMiss(String key) {
    assertThat(cache.get(key, "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(cache.stats().errors()).isZero();
  }

  @Test
  void aZlibBombIsAMissNotAnOutOfMemoryError() throws IOException {
    open(c -> {});
    plant("bomb", HostilePayloads.zlibBomb(100));
    assertCorruptMiss("bomb");
    assertThat(fileOf("bomb")).doesNotExist();
  }

  @Test
  void aZlibStreamOverASmallerMaxValueSizeIsAMiss() throws IOException {
    open(c -> c.option("max_value_size", 1 << 20));
    plant("bomb", HostilePayloads.zlibBomb(2));
    assertCorruptMiss("bomb");
  }

  @Test
  void nestedSetsSharingTheirMembersAreAMissNotAHang() throws IOException {
    open(c -> {});
    plant("dos", Zlib.deflate(HostilePayloads.serialDos(100), 6));
    assertCorruptMiss("dos");
  }

  @Test
  void aHashSetNamingOneSharedListAThousandTimesIsAMissNotSecondsOfHashing() throws IOException {
    open(c -> {});
    byte[] hostile = HostilePayloads.hashSetNamingOneSharedListByBackReference(20, 1_000);
    plant("backrefs", Zlib.deflate(hostile, 6));
    assertCorruptMiss("backrefs");
  }

  @Test
  void aValueNestedPastTheLimitThroughBackReferencesIsAMiss() throws IOException {
    open(c -> {});
    plant("chain", Zlib.deflate(HostilePayloads.chainOfBackReferencesInAHashSet(100_000), 6));
    assertCorruptMiss("chain");
  }

  @Test
  void aHugeDeclaredArrayLengthIsAMissNotAnOutOfMemoryError() throws IOException {
    open(c -> {});
    plant("array", Zlib.deflate(HostilePayloads.hugeArrayLength(), 6));
    assertCorruptMiss("array");
  }

  private Path plantFifo(String key) throws Exception {
    Path file = fileOf(key);
    Process mkfifo = new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).as("mkfifo finished within 30 s").isTrue();
    assertThat(mkfifo.exitValue()).as("mkfifo's exit status").isZero();
    return file;
  }

  @Test
  void aFifoIsAMissAndIsRemovedWithoutBeingOpened() throws Exception {
    open(c -> {});
    Path fifo = plantFifo("fifo");
    assertCorruptMiss("fifo");
    assertThat(fifo).doesNotExist();
  }

  @Test
  void hasKeyOfAFifoIsFalse() throws Exception {
    open(c -> {});
    plantFifo("fifo");
    assertThat(cache.hasKey("fifo")).isFalse();
    assertThat(cache.add("fifo", "value")).isTrue();
    assertThat((String) cache.get("fifo")).isEqualTo("value");
  }

  @Test
  void aSymbolicLinkToDevZeroIsAMissAndOnlyTheLinkIsRemoved() throws IOException {
    open(c -> {});
    Path link = fileOf("zero");
    Files.createSymbolicLink(link, Path.of("/dev/zero"));
    assertCorruptMiss("zero");
    assertThat(link).doesNotExist();
    assertThat(Path.of("/dev/zero")).exists();
  }

  @Test
  void aSymbolicLinkToAValidCacheFileIsNotFollowed() throws IOException {
    open(c -> {});
    cache.set("real", "secret");
    Files.createSymbolicLink(fileOf("alias"), fileOf("real"));
    assertCorruptMiss("alias");
    assertThat((String) cache.get("real")).isEqualTo("secret");
  }

  @Test
  void aFileOverMaxValueSizeIsAMissWithoutBeingRead() throws IOException {
    open(c -> c.option("max_value_size", 1000));
    plant("big", new byte[5000]);
    assertCorruptMiss("big");
    assertThat(fileOf("big")).doesNotExist();
  }

  @Test
  void incrOfAPlantedFifoIsAMissingKeyNotAHang() throws Exception {
    open(c -> {});
    plantFifo("n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.incr("n"))
        .isInstanceOf(io.larder.MissingKeyException.class);
  }
}
