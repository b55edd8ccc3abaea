package io.larder.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Cache;
import io.larder.Caches;
import io.larder.Timeout;
import io.larder.compress.Zlib;
import io.larder.testsupport.MemcachedServer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bytes and flags on the server, as Django's memcached backends write and read them. */
class MemcachedWireFormatTest {
  private final MemcachedServer server = MemcachedServer.shared(1).get(0);
  private Caches caches;
  private Cache cache;
  private Cache compressed;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("memcached").location(server.address()))
            .cache(
                "compressed",
                c ->
                    c.backend("memcached")
                        .location(server.address())
                        .keyPrefix("z")
                        .option("compressor", "zlib")
                        .option("compress_min_length", 100))
            .build();
    cache = caches.getDefault();
    compressed = caches.get("compressed");
    cache.clear();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  @Test
  void bytesAreStoredRawWithFlag0() {
    cache.set("b", "raw\0bytes".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(server.get(":1:b").flags()).isEqualTo(0);
    assertThat(server.get(":1:b").data())
        .isEqualTo("raw\0bytes".getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void textIsStoredAsUtf8WithFlag16() {
    cache.set("s", "héllo");
    assertThat(server.get(":1:s").flags()).isEqualTo(16);
    assertThat(server.get(":1:s").text()).isEqualTo("héllo");
  }

  @Test
  void integersAreStoredAsDecimalWithFlag2() {
    cache.set("n", 42);
    cache.set("big", BigInteger.TWO.pow(70));
    assertThat(server.get(":1:n").flags()).isEqualTo(2);
    assertThat(server.get(":1:n").text()).isEqualTo("42");
    assertThat(server.get(":1:big").text()).isEqualTo("1180591620717411303424");
  }

  @Test
  void longsAreStoredAsDecimalWithPylibmcsFlag4AndReadBackAsLongs() {
    cache.set("l", 7L);
    assertThat(server.get(":1:l").flags()).isEqualTo(4);
    assertThat(server.get(":1:l").text()).isEqualTo("7");
    assertThat((Object) cache.get("l")).isEqualTo(7L);
  }

  @Test
  void otherValuesAreSerializedWithFlag1() {
    cache.set("bool", true);
    assertThat(server.get(":1:bool").flags()).isEqualTo(1);
  }

  @Test
  void valuesOverTheMinimumLengthAreZlibCompressedWithFlag8Added() {
    String text = "compress me ".repeat(100);
    compressed.set("long", text);
    compressed.set("short", "tiny");
    MemcachedServer.Item item = server.get("z:1:long");
    assertThat(item.flags()).isEqualTo(16 | 8);
    assertThat(item.data().length).isLessThan(text.length());
    assertThat(server.get("z:1:short").flags()).isEqualTo(16);
    assertThat((String) compressed.get("long")).isEqualTo(text);
  }

  @Test
  void aCompressedItemIsReadWhateverTheReadersCompressor() {
    byte[] text = "written compressed by another client".getBytes(StandardCharsets.UTF_8);
    server.set(":1:z", 16 | 8, 0, Zlib.deflate(text, 6));
    assertThat((String) cache.get("z")).isEqualTo("written compressed by another client");
  }

  @Test
  void pylibmcsLongFlagIsReadAsANumber() {
    server.set(":1:n", 4, 0, "12".getBytes(StandardCharsets.US_ASCII));
    assertThat((Object) cache.get("n")).isEqualTo(12L);
  }

  @Test
  void aDecrementedNumberPaddedWithSpacesByMemcachedReadsBack() {
    cache.set("n", 100);
    cache.decr("n", 91);
    assertThat(server.get(":1:n").text()).startsWith("9");
    assertThat((Object) cache.get("n")).isEqualTo(9);
  }

  @Test
  void anItemWithUnknownFlagsIsAMissAndIsLeftAlone() {
    server.set(":1:foreign", 0x100, 0, "from another client".getBytes(StandardCharsets.UTF_8));
    assertThat((Object) cache.get("foreign")).isNull();
    assertThat(cache.getMany(List.of("foreign"))).isEmpty();
    assertThat(server.get(":1:foreign")).isNotNull();
  }

  @Test
  void aCorruptCompressedItemIsAMiss() {
    server.set(":1:bad", 16 | 8, 0, "not zlib".getBytes(StandardCharsets.UTF_8));
    assertThat((Object) cache.get("bad")).isNull();
  }

  @Test
  void aNeverTimeoutIsExptime0AndOverThirtyDaysAnAbsoluteTime() {
    cache.set("forever", "x", Timeout.NEVER);
    cache.set("month", "x", Timeout.seconds(40L * 24 * 3600));
    assertThat(server.command("mg :1:forever t")).isEqualTo("HD t-1");
    long ttl = Long.parseLong(server.command("mg :1:month t").substring(4));
    // memcached's clock ticks once a second behind the wall clock: its TTL may be one more.
    assertThat(ttl).isBetween(40L * 24 * 3600 - 10, 40L * 24 * 3600 + 1);
  }
}
