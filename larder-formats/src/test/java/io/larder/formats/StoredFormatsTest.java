package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import io.larder.Cache;
import io.larder.CacheDefinition;
import io.larder.Caches;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.XZInputStream;

/**
 * Every serializer with every compressor a backend accepts, on that backend: a value reads back
 * equal, and the bytes the backend holds are, once its own envelope is removed, the compressor's
 * frame of the serializer's bytes (docs/formats.md, "Stored form per backend"). A backend's test
 * module extends this with its server and how to read what it holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the formats depend on the backend's compressors()
public abstract class StoredFormatsTest {
  /** A record for typed gets, allowed to the java and json_typed serializers by its package. */
  public record Profile(long id, String name, List<String> roles, BigDecimal balance, LocalDate since)
      implements Serializable {}

  private static final List<String> SERIALIZERS = List.of("java", "json", "json_typed", "msgpack");

  /** The backend and location of a cache under test; the test sets the serializer and compressor. */
  protected abstract void configure(CacheDefinition cache);

  /**
   * The bytes the backend holds for {@code key}, without the backend's own envelope: what the
   * configured compressor made of the serialized value.
   */
  protected abstract byte[] storedValue(Cache cache, String key) throws Exception;

  /** The compressors this backend takes; all by default. */
  protected List<String> compressors() {
    return List.of("none", "zlib", "gzip", "lz4", "zstd", "lzma");
  }

  /** A user record of the size web applications cache, longer than every compressor's minimum. */
  public static Map<String, Object> realisticValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("id", 1_234_567);
    value.put("name", "Zoë Martin");
    value.put("email", "zoe.martin@example.com");
    value.put("roles", new ArrayList<>(List.of("admin", "editor", "billing")));
    value.put("active", true);
    value.put("score", 4.75);
    value.put(
        "bio",
        "Works on the payments team; previously ran the support rota. Prefers email to chat,"
            + " and mornings to afternoons. Speaks French, English and some Portuguese.");
    value.put("address", new LinkedHashMap<>(Map.of("city", "Lyon")));
    return value;
  }

  private Stream<Arguments> formats() {
    return SERIALIZERS.stream()
        .flatMap(serializer -> compressors().stream().map(c -> Arguments.of(serializer, c)));
  }

  private Caches open(String serializer, String compressor) {
    return Caches.builder()
        .environment(Map.of())
        .cache(
            "default",
            c ->
                configure(
                    c.option("serializer", serializer)
                        .option("serializer_allow", List.of("io.larder.formats"))
                        .option("compressor", compressor)))
        .build();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("formats")
  void aValueReadsBackAndIsStoredInTheFormatsBytes(String serializer, String compressor)
      throws Exception {
    try (Caches caches = open(serializer, compressor)) {
      Cache cache = caches.getDefault();
      String key = "stored-" + serializer + "-" + compressor;
      Map<String, Object> value = realisticValue();
      cache.set(key, value);

      assertThat((Object) cache.get(key)).isEqualTo(value);
      byte[] serialized = decompress(compressor, storedValue(cache, key));
      if (serializer.equals("java")) {
        assertThat(serialized).startsWith(0xac, 0xed, 0x00, 0x05); // the JDK's stream magic
      } else {
        assertThat(serialized).isEqualTo(serializerOf(serializer).serialize(value));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"java", "json", "json_typed", "msgpack"})
  void aRecordReadsBackThroughATypedGet(String serializer) {
    String compressor = compressors().get(compressors().size() - 1); // the last the backend takes
    try (Caches caches = open(serializer, compressor)) {
      Cache cache = caches.getDefault();
      Profile profile =
          new Profile(7, "Zoë", List.of("admin"), new BigDecimal("12.50"), LocalDate.of(2024, 3, 5));
      cache.set("profile-" + serializer, profile);
      assertThat(cache.get("profile-" + serializer, Profile.class)).isEqualTo(profile);
    }
  }

  private static io.larder.spi.Serializer serializerOf(String name) {
    return switch (name) {
      case "json" -> new JsonSerializer();
      case "msgpack" -> new MsgpackSerializer();
      case "json_typed" -> new JsonTypedSerializer("default", List.of("io.larder.formats"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The bytes inside a compressor's frame, read by the format's own library. */
  private static byte[] decompress(String compressor, byte[] stored) throws IOException {
    InputStream in = new ByteArrayInputStream(stored);
    try (InputStream frame =
        switch (compressor) {
          case "none" -> in;
          case "zlib" -> new InflaterInputStream(in);
          case "gzip" -> new GZIPInputStream(in);
          case "lz4" -> new LZ4FrameInputStream(in);
          case "zstd" -> new ZstdInputStream(in);
          case "lzma" -> new XZInputStream(in);
          default -> throw new IllegalArgumentException(compressor);
        }) {
      return frame.readAllBytes();
    }
  }
}
