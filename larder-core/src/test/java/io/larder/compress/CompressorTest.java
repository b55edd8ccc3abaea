package io.larder.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.HostilePayloads;
import io.larder.SerializationException;
import io.larder.spi.Compressor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** django-redis's compressor rules: compress above 15 bytes, fall back to raw bytes on read. */
class CompressorTest {
  private static final byte[] SHORT = "fifteen bytes!!".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG = "a".repeat(1000).getBytes(StandardCharsets.US_ASCII);

  @Test
  void zlibLeavesValuesOfAtMostTheMinimumLengthRaw() {
    assertThat(new ZlibCompressor(15, 6).compress(SHORT)).isEqualTo(SHORT);
  }

  @Test
  void zlibCompressesLongerValuesIntoAZlibStream() {
    byte[] compressed = new ZlibCompressor(15, 6).compress(LONG);
    assertThat(compressed.length).isLessThan(LONG.length);
    assertThat(compressed[0]).isEqualTo((byte) 0x78);
    assertThat(new ZlibCompressor(15, 6).decompress(compressed)).isEqualTo(LONG);
  }

  @Test
  void zlibReadsRawBytesAsThemselves() {
    assertThat(new ZlibCompressor(15, 6).decompress(SHORT)).isEqualTo(SHORT);
  }

  @Test
  void gzipRoundTripsAndReadsRawBytesAsThemselves() {
    GzipCompressor gzip = new GzipCompressor(15);
    byte[] compressed = gzip.compress(LONG);
    assertThat(compressed[0]).isEqualTo((byte) 0x1f);
    assertThat(gzip.decompress(compressed)).isEqualTo(LONG);
    assertThat(gzip.decompress(SHORT)).isEqualTo(SHORT);
    assertThat(gzip.compress(SHORT)).isEqualTo(SHORT);
  }

  @Test
  void noneStoresBytesAsTheyAre() {
    assertThat(Compressor.none().compress(LONG)).isSameAs(LONG);
    assertThat(Compressor.none().decompress(LONG)).isSameAs(LONG);
  }

  @Test
  void zlibMatchesPythonsOutputForTheSameInput() {
    // Python: zlib.compress(b"hello hello hello hello").hex()
    byte[] data = "hello hello hello hello".getBytes(StandardCharsets.US_ASCII);
    assertThat(java.util.HexFormat.of().formatHex(Zlib.deflate(data, Zlib.DEFAULT_LEVEL)))
        .isEqualTo("789ccb48cdc9c957c8402701680308b1");
  }

  // ------------------------------------------------------------ bombs (issue 16)

  @Test
  void aZlibStreamThatInflatesPastTheLimitIsRefusedNotReadAsRaw() {
    byte[] bomb = HostilePayloads.zlibBomb(8);
    assertThatThrownBy(() -> new ZlibCompressor(15, 6, 1 << 20).decompress(bomb))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("max_value_size");
  }

  @Test
  void aGzipStreamThatInflatesPastTheLimitIsRefusedNotReadAsRaw() {
    byte[] bomb = HostilePayloads.gzipBomb(8);
    assertThatThrownBy(() -> new GzipCompressor(15, 1 << 20).decompress(bomb))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("max_value_size");
  }

  @Test
  void aValueOfExactlyTheLimitIsRead() {
    byte[] value = new byte[1 << 20];
    assertThat(new ZlibCompressor(15, 6, 1 << 20).decompress(Zlib.deflate(value, 6)))
        .isEqualTo(value);
    GzipCompressor gzip = new GzipCompressor(15, 1 << 20);
    assertThat(gzip.decompress(gzip.compress(value))).isEqualTo(value);
  }
}
