package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.testsupport.DjangoPython;
import io.larder.testsupport.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app (Debian's Django 3.2 and 4.2 with python3-django-redis 5.2) and Larder sharing one
 * real Redis database through django-redis's lz4, zstd and lzma compressors, each reading what the
 * other wrote. django-redis's {@code ZStdCompressor} imports {@code pyzstd}, which Debian does not
 * package: the Django side uses the same compressor written over Debian's {@code zstandard} (the
 * same zstd frame format, min_length and fall-back), so what is proven is the frame format both
 * sides write and read.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoRedisCompressorInteropTest {
  @Parameter DjangoPython python;

  private static final int DB = 9;

  /** Larder's option and the Django COMPRESSOR it shares values with. */
  enum Format {
    LZ4("lz4", "django_redis.compressors.lz4.Lz4Compressor", "04224d18"),
    ZSTD("django_redis.compressors.zstd.ZStdCompressor", "__main__.ZstandardCompressor", "28b52ffd"),
    LZMA("lzma", "django_redis.compressors.lzma.LzmaCompressor", "fd377a585a00");

    final String larder;
    final String django;
    final String magic;

    Format(String larder, String django, String magic) {
      this.larder = larder;
      this.django = django;
      this.magic = magic;
    }
  }

  /** Django configured like {@link #open}; argv[1] is the URL, argv[2] the COMPRESSOR. */
  private static final String DJANGO =
      """
      import sys
      import zstandard
      from django_redis.compressors.base import BaseCompressor
      from django_redis.exceptions import CompressorError

      class ZstandardCompressor(BaseCompressor):
          min_length = 15

          def compress(self, value):
              if len(value) > self.min_length:
                  return zstandard.ZstdCompressor().compress(value)
              return value

          def decompress(self, value):
              try:
                  return zstandard.ZstdDecompressor().decompress(value)
              except zstandard.ZstdError as e:
                  raise CompressorError(e)

      from django.conf import settings
      settings.configure(CACHES={'default': {
          'BACKEND': 'django_redis.cache.RedisCache', 'LOCATION': sys.argv[1],
          'KEY_PREFIX': 'fmt', 'TIMEOUT': 300, 'OPTIONS': {'COMPRESSOR': sys.argv[2]}}})
      import django
      django.setup()
      from django.core.cache import cache
      big = ''.join('%d:%s ' % (i, 'abcdefghij'[i % 10] * (i % 13)) for i in range(40000))
      values = {
          'short': 'hi', 'medium': 'h\\u00e9llo \\u2713 ' * 20, 'big': big,
          'dict': {'b': 1, 'a': [2, 'x' * 200], 'c': 2**40}, 'list': list(range(100)),
          'int': 123456789,
      }
      raw = cache.client.get_client()
      """;

  private Caches caches;

  private Cache open(Format format) {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache(
                "default",
                c ->
                    c.backend("django_redis.cache.RedisCache")
                        .location(RedisServers.standalone().url(DB))
                        .keyPrefix("fmt")
                        .option("serializer", "pickle")
                        .option("compressor", format.larder))
            .build();
    Cache cache = caches.getDefault();
    cache.clear();
    return cache;
  }

  @AfterEach
  void close() {
    caches.getDefault().clear();
    caches.close();
  }

  private String django(Format format, String script) {
    return python.run(DJANGO + script, RedisServers.standalone().url(DB), format.django);
  }

  private static Map<String, Object> javaValues() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 40000; i++) {
      big.append(i).append(':').append(String.valueOf("abcdefghij".charAt(i % 10)).repeat(i % 13));
      big.append(' ');
    }
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("b", 1);
    dict.put("a", List.of(2, "x".repeat(200)));
    dict.put("c", 1L << 40);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("short", "hi");
    values.put("medium", "héllo ✓ ".repeat(20));
    values.put("big", big.toString());
    values.put("dict", dict);
    values.put("list", java.util.stream.IntStream.range(0, 100).boxed().toList());
    values.put("int", 123456789);
    return values;
  }

  private byte[] raw(Cache cache, String key) {
    return cache
        .unwrap(RedisExtension.class)
        .commands()
        .get(cache.makeKey(key).getBytes(StandardCharsets.UTF_8));
  }

  private static String head(byte[] stored, Format format) {
    return HexFormat.of().formatHex(Arrays.copyOf(stored, format.magic.length() / 2));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void larderReadsWhatDjangoWroteCompressed(Format format) {
    Cache cache = open(format);
    django(format, "for k, v in values.items(): cache.set(k, v)\n");

    assertThat(head(raw(cache, "big"), format)).as("Django compressed it").isEqualTo(format.magic);
    assertThat(raw(cache, "big").length).isLessThan(((String) javaValues().get("big")).length() / 2);
    javaValues()
        .forEach((key, value) -> assertThat((Object) cache.get(key)).as(key).isEqualTo(value));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void djangoReadsWhatLarderWroteCompressed(Format format) {
    Cache cache = open(format);
    javaValues().forEach(cache::set);

    String report =
        django(
            format,
            """
            for k in values:
                got, want = cache.get(k, '<missing>'), values[k]
                same = type(got) is type(want) and got == want
                print(k, raw.get(cache.make_key(k))[:6].hex(), 'ok' if same else 'MISMATCH')
            """);

    assertThat(report.lines()).hasSize(javaValues().size()).allMatch(l -> l.endsWith(" ok"), report);
    assertThat(report).contains("big " + format.magic.substring(0, 8));
    assertThat(report.lines().filter(l -> l.startsWith("short ")).findFirst().orElseThrow())
        .as("values of 15 bytes or less are stored raw")
        .doesNotContain(format.magic.substring(0, 8));
  }
}
