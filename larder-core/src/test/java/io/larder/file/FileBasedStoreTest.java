package io.larder.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.BackendUnavailableException;
import io.larder.Cache;
import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.Caches;
import io.larder.DisallowedClassException;
import io.larder.StandardError;
import io.larder.Timeout;
import io.larder.compress.Zlib;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBasedStoreTest extends CacheContractTest {
  @TempDir Path tempDir;

  private Path dir() {
    return tempDir.resolve("cache");
  }

  @Override
  protected void configure(CacheDefinition cache) {
    cache.backend("filebased").location(dir().toString());
  }

  @Override
  protected boolean storesCopies() {
    return true;
  }

  private Caches build(Consumer<CacheDefinition> extra) {
    return Caches.builder()
        .environment(Map.of())
        .clock(clock)
        .cache("default", c -> extra.accept(c.backend("filebased").location(dir().toString())))
        .build();
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.toString().endsWith(".djcache")).toList();
    }
  }

  private Path fileOf(String key) {
    return cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey(key));
  }

  // ------------------------------------------------------------ Django's layout

  @Test
  void eachKeyIsAFileNamedByTheMd5OfItsMadeKey() {
    cache.set("foo", "bar");
    cache.set("greeting", "hello");
    assertThat(dir().resolve("9fe685f2d059d8a11303e9e64be4cc7b.djcache")).exists();
    assertThat(dir().resolve("a8c535041f5413d9d97a326f865e146a.djcache")).exists();
  }

  @Test
  void aFileStartsWithThePickledExpiryThenAZlibStream() throws IOException {
    cache.set("key", "value", Timeout.seconds(60));
    byte[] content = Files.readAllBytes(fileOf("key"));
    double expiry = ByteBuffer.wrap(content, 3, 8).getDouble();
    assertThat(HexFormat.of().formatHex(content, 0, 3)).isEqualTo("800247");
    assertThat(content[11]).isEqualTo((byte) '.');
    assertThat(expiry).isCloseTo(clock.millis() / 1000.0 + 60, org.assertj.core.data.Offset.offset(0.01));
    assertThat(content[12]).isEqualTo((byte) 0x78);
  }

  @Test
  void aFileThatNeverExpiresHoldsAPickledNone() throws IOException {
    cache.set("key", "value", Timeout.NEVER);
    assertThat(HexFormat.of().formatHex(Files.readAllBytes(fileOf("key")), 0, 4)).isEqualTo("80024e2e");
  }

  @Test
  void anExpiryWrittenByPythonAtProtocolFiveIsRead() throws IOException {
    cache.set("key", "value");
    byte[] javaContent = Files.readAllBytes(fileOf("key"));
    double farFuture = clock.millis() / 1000.0 + 3600;
    ByteBuffer header = ByteBuffer.allocate(21);
    header.put(new byte[] {(byte) 0x80, 5, (byte) 0x95, 10, 0, 0, 0, 0, 0, 0, 0, 'G'});
    header.putDouble(farFuture).put((byte) '.');
    byte[] pythonContent = new byte[21 + javaContent.length - 12];
    System.arraycopy(header.array(), 0, pythonContent, 0, 21);
    System.arraycopy(javaContent, 12, pythonContent, 21, javaContent.length - 12);
    Files.write(fileOf("key"), pythonContent);
    assertThat((String) cache.get("key")).isEqualTo("value");
  }

  @Test
  void theDirectoryAndItsMissingParentsAreCreatedOwnerOnly() throws IOException {
    Path nested = tempDir.resolve("a/b/c");
    try (Caches nestedCaches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("filebased").location(nested.toString()))
            .build()) {
      nestedCaches.getDefault().set("key", "value");
    }
    for (Path p : List.of(nested, nested.getParent(), nested.getParent().getParent())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rwx------");
    }
  }

  @Test
  void cacheFilesAreReadableByTheOwnerOnly() throws IOException {
    cache.set("key", "secret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fileOf("key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aRemovedDirectoryIsRecreatedOnTheNextSet() throws IOException {
    cache.set("key", "value");
    deleteDirectory();
    cache.set("key", "again");
    assertThat((String) cache.get("key")).isEqualTo("again");
  }

  // ------------------------------------------------------------ damaged files

  @Test
  void anEmptyFileIsAMissAndIsRemoved() throws IOException {
    cache.set("key", "value");
    Files.write(fileOf("key"), new byte[0]);
    assertThat(cache.get("key", "miss")).isEqualTo("miss");
    assertThat(fileOf("key")).doesNotExist();
  }

  @Test
  void aTruncatedFileIsAMissAndIsRemoved() throws IOException {
    cache.set("key", "x".repeat(1000));
    byte[] content = Files.readAllBytes(fileOf("key"));
    Files.write(fileOf("key"), java.util.Arrays.copyOf(content, content.length / 2));
    assertThat(cache.get("key", "miss")).isEqualTo("miss");
    assertThat(fileOf("key")).doesNotExist();
  }

  @Test
  void aFileOfGarbageIsAMissAndIsRemoved() throws IOException {
    cache.set("key", "value");
    Files.writeString(fileOf("key"), "this is not a cache file");
    assertThat(cache.get("key", "miss")).isEqualTo("miss");
    assertThat(cache.hasKey("key")).isFalse();
    assertThat(fileOf("key")).doesNotExist();
  }

  @Test
  void aValidFileWhosePayloadIsNotAValueIsAMiss() throws IOException {
    cache.set("key", "value", Timeout.NEVER);
    byte[] header = {(byte) 0x80, 2, 'N', '.'};
    byte[] payload = Zlib.deflate("not serialized".getBytes(), Zlib.DEFAULT_LEVEL);
    byte[] content = new byte[header.length + payload.length];
    System.arraycopy(header, 0, content, 0, header.length);
    System.arraycopy(payload, 0, content, header.length, payload.length);
    Files.write(fileOf("key"), content);
    assertThat(cache.get("key", "miss")).isEqualTo("miss");
    assertThat(fileOf("key")).doesNotExist();
  }

  @Test
  void anExpiredFileIsRemovedWhenRead() {
    cache.set("key", "value", Timeout.seconds(1));
    clock.advanceSeconds(2);
    assertThat((Object) cache.get("key")).isNull();
    assertThat(fileOf("key")).doesNotExist();
  }

  @Test
  void aClassOutsideTheAllowListIsAClearErrorNotAMiss() {
    cache.set("point", new Point(1, 2));
    assertThatThrownBy(() -> cache.get("point"))
        .isInstanceOf(DisallowedClassException.class)
        .hasMessageContaining(Point.class.getName())
        .hasMessageContaining("serializer_allow");
    assertThat(fileOf("point")).exists();
  }

  @Test
  void aPackageInTheAllowListIsDeserialized() {
    try (Caches allowing = build(c -> c.option("serializer_allow", List.of("io.larder.file")))) {
      allowing.getDefault().set("point", new Point(1, 2));
      assertThat((Point) allowing.getDefault().get("point")).isEqualTo(new Point(1, 2));
    }
  }

  record Point(int x, int y) implements Serializable {}

  // ------------------------------------------------------------ failures

  @Test
  void aDirectoryThatCannotBeWrittenIsABackendError() throws IOException {
    breakDirectory();
    assertThatThrownBy(() -> cache.set("key", "value"))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("default");
    assertThat(cache.stats().errors()).isEqualTo(1);
    Files.delete(dir());
  }

  @Test
  void failingOpenTurnsBackendErrorsIntoMissesAndDroppedWrites() throws IOException {
    try (Caches failOpen = build(c -> c.option("ignore_exceptions", true))) {
      Cache tolerant = failOpen.getDefault();
      breakDirectory();
      tolerant.set("key", "value");
      assertThat(tolerant.add("key", "value")).isFalse();
      assertThat(tolerant.get("key", "miss")).isEqualTo("miss");
      assertThat(tolerant.stats().errors()).isEqualTo(3);
      Files.delete(dir());
    }
  }

  @Test
  void callsSkippedWhileTheBreakerIsOpenAreLoggedOncePerOperationNotEachTime() throws IOException {
    try (Caches failOpen = build(c -> c.option("ignore_exceptions", true))) {
      Cache tolerant = failOpen.getDefault();
      breakDirectory();
      String log =
          StandardError.of(
              () -> {
                for (int i = 0; i < 20; i++) {
                  tolerant.set("key", "value");
                }
              });
      assertThat(tolerant.stats().circuitOpen()).isTrue();
      assertThat(tolerant.stats().errors()).isEqualTo(20);
      // The failure that opened the breaker, then one line for the calls it held back.
      assertThat(log.split("set of key failed, ignored", -1)).hasSize(3);
      assertThat(log).contains("not sent");
      Files.delete(dir());
    }
  }

  /** Replaces the directory by a plain file: every write fails, even for root. */
  private void breakDirectory() throws IOException {
    deleteDirectory();
    Files.writeString(dir(), "not a directory");
  }

  private void deleteDirectory() throws IOException {
    try (Stream<Path> all = Files.walk(dir())) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aLocationThatCannotBeCreatedFailsAtStartUp() throws IOException {
    Path file = Files.writeString(tempDir.resolve("plain-file"), "x");
    assertThatThrownBy(
            () ->
                Caches.builder()
                    .environment(Map.of())
                    .cache("files", c -> c.backend("filebased").location(file.resolve("sub").toString()))
                    .cache("default", c -> c.backend("locmem"))
                    .build())
        .hasMessageContaining("'files'")
        .hasMessageContaining("location");
  }

  // ------------------------------------------------------------ clear and cull

  @Test
  void clearKeepsTheDirectoryAndFilesThatAreNotTheCaches() throws IOException {
    Path foreign = Files.writeString(dir().resolve("keep.txt"), "mine");
    cache.set("key", "value");
    cache.clear();
    assertThat(cacheFiles()).isEmpty();
    assertThat(foreign).exists();
  }

  @Test
  void cullingRemovesAThirdOfTheFilesWhenFull() throws IOException {
    try (Caches culling = build(c -> c.option("max_entries", 30))) {
      for (int i = 0; i < 49; i++) {
        culling.getDefault().set("cull" + i, "value");
      }
    }
    assertThat(cacheFiles()).hasSize(29);
  }

  @Test
  void aCullFrequencyOfZeroClearsTheDirectoryWhenFull() throws IOException {
    try (Caches culling = build(c -> c.option("max_entries", 30).option("cull_frequency", 0))) {
      for (int i = 0; i < 49; i++) {
        culling.getDefault().set("cull" + i, "value");
      }
    }
    assertThat(cacheFiles()).hasSize(19);
  }

  @Test
  void cullingCountsFilesOtherProcessesWrote() throws IOException {
    for (int i = 0; i < 40; i++) {
      cache.set("other" + i, "value");
    }
    try (Caches culling = build(c -> c.option("max_entries", 30))) {
      culling.getDefault().set("mine", "value");
    }
    assertThat(cacheFiles()).hasSize(40 - 40 / 3 + 1);
  }

  // ------------------------------------------------------------ atomicity

  @Test
  void concurrentAddsOfOneKeyHaveExactlyOneWinner() throws Exception {
    List<Object> results = runConcurrently(8, () -> cache.add("winner", Thread.currentThread().getName()));
    assertThat(results).filteredOn(Boolean.TRUE::equals).hasSize(1);
  }
}
