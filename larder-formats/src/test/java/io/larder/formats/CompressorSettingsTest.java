package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.Cache;
import io.larder.CacheSettings;
import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.spi.CommonOptions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code options.compressor} names the compressors of this module. */
class CompressorSettingsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "lz4",
        "zstd",
        "lzma",
        "django_redis.compressors.lz4.Lz4Compressor",
        "django_redis.compressors.zstd.ZStdCompressor",
        "django_redis.compressors.lzma.LzmaCompressor"
      })
  void theShortNameAndDjangoRedisClassPathEachNameACompressor(String name) {
    try (Caches caches =
        Caches.from(
            Map.of(
                "default",
                Map.of(
                    "BACKEND", "locmem",
                    "LOCATION", UUID.randomUUID().toString(),
                    "OPTIONS", Map.of("COMPRESSOR", name, "store_by_value", true))))) {
      Cache cache = caches.getDefault();
      String value = "a value long enough to be compressed by every compressor ".repeat(5);
      cache.set("k", value);
      assertThat((String) cache.get("k")).isEqualTo(value);
    }
  }

  @Test
  void aMissingLibraryIsAStartUpErrorNamingItsArtifact() {
    CacheSettings settings = settingsWith(Map.of("compressor", "lz4"));
    FormatLibrary absent = new FormatLibrary("net.example.Absent", "net.example:absent");

    assertThatThrownBy(() -> absent.require(settings, CommonOptions.COMPRESSOR, "lz4"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'default'")
        .hasMessageContaining("options.compressor")
        .hasMessageContaining("net.example:absent");
  }

  @Test
  void lzmaKeepsDjangoRedisMinimumLengthOf100UnlessTheOptionIsSet() {
    assertThat(FormatLibrary.minLength(settingsWith(Map.of()), 100)).isEqualTo(100);
    assertThat(FormatLibrary.minLength(settingsWith(Map.of("compress_min_length", 20)), 100))
        .isEqualTo(20);
  }

  private static CacheSettings settingsWith(Map<String, Object> options) {
    try (Caches caches =
        Caches.from(Map.of("default", Map.of("BACKEND", "locmem", "OPTIONS", options)))) {
      return caches.getDefault().settings();
    }
  }
}
