package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.SerializationException;
import io.larder.compress.Zlib;
import io.larder.file.FileBasedStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * json_typed through a cache: a typed get, a refused write, and stored values naming a class
 * outside the allow-list read as counted misses (the file backend, whose files a test can plant).
 */
class FileJsonTypedReadsTest {
  /** A pickled {@code None} expiry: Django's "never expires" header. */
  private static final byte[] NEVER = {(byte) 0x80, 2, 'N', '.'};

  record Invoice(long number, BigDecimal amount, List<String> lines) {}

  @TempDir Path dir;
  private final java.util.List<Caches> opened = new java.util.ArrayList<>();

  private Cache open(List<String> allowed) {
    Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("filebased")
                        .location(dir.toString())
                        .option("serializer", "json_typed")
                        .option("serializer_allow", allowed))
            .build();
    opened.add(caches);
    return caches.getDefault();
  }

  @AfterEach
  void close() {
    opened.forEach(Caches::close);
  }

  private static void plant(Cache cache, String key, String json) throws IOException {
    byte[] value = Zlib.deflate(json.getBytes(StandardCharsets.UTF_8), Zlib.DEFAULT_LEVEL);
    byte[] content = new byte[NEVER.length + value.length];
    System.arraycopy(NEVER, 0, content, 0, NEVER.length);
    System.arraycopy(value, 0, content, NEVER.length, value.length);
    Files.write(cache.unwrap(FileBasedStore.class).fileFor(cache.makeKey(key)), content);
  }

  @Test
  void aRecordIsReadBackAsItselfAndAsATypedGet() {
    Cache cache = open(List.of("io.larder.formats"));
    Invoice invoice = new Invoice(42, new BigDecimal("10.50"), List.of("a", "b"));
    cache.set("invoice", invoice);
    assertThat((Object) cache.get("invoice")).isEqualTo(invoice);
    assertThat(cache.get("invoice", Invoice.class)).isEqualTo(invoice);
  }

  @Test
  void writingAClassOutsideTheAllowListIsRefused() {
    Cache cache = open(List.of());
    assertThatThrownBy(() -> cache.set("invoice", new Invoice(1, BigDecimal.ONE, List.of())))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.larder.formats.FileJsonTypedReadsTest$Invoice")
        .hasMessageContaining("options.serializer_allow");
  }

  @Test
  void aValueOfAClassNoLongerAllowedIsACountedMiss() {
    open(List.of("io.larder.formats")).set("invoice", new Invoice(1, BigDecimal.ONE, List.of()));
    Cache stricter = open(List.of("com.example"));
    assertThat(stricter.get("invoice", "miss")).isEqualTo("miss");
    assertThat(stricter.stats().corruptReads()).isEqualTo(1);
    assertThat(stricter.stats().errors()).isZero();
  }

  @Test
  void aPlantedGadgetIsACountedMiss() throws IOException {
    Cache cache = open(List.of("io.larder.formats"));
    plant(
        cache,
        "gadget",
        "{\"@class\": \"com.sun.rowset.JdbcRowSetImpl\", \"dataSourceName\":"
            + " \"ldap://127.0.0.1:1/x\", \"autoCommit\": true}");
    plant(cache, "process", "[\"java.lang.ProcessBuilder\", {\"command\": [\"true\"]}]");
    assertThat(cache.get("gadget", "miss")).isEqualTo("miss");
    assertThat(cache.get("process", "miss")).isEqualTo("miss");
    assertThat(cache.stats().corruptReads()).isEqualTo(2);
    assertThat(cache.stats().errors()).isZero();
  }
}
