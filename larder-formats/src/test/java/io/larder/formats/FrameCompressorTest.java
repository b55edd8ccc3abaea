package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import io.larder.spi.Compressor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** django-redis's rules and the decompression bounds, on each of lz4, zstd and lzma. */
class FrameCompressorTest {
  private static final int LIMIT = 64 * 1024;

  enum Format {
    LZ4(15, Lz4Compressor::new, new byte[] {0x04, 0x22, 0x4d, 0x18}),
    ZSTD(15, ZstdCompressor::new, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
    LZMA(100, LzmaCompressor::new, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});

    final int minLength;
    final BiFunction<Integer, Integer, Compressor> make;
    final byte[] magic;

    Format(int minLength, BiFunction<Integer, Integer, Compressor> make, byte[] magic) {
      this.minLength = minLength;
      this.make = make;
      this.magic = magic;
    }

    Compressor compressor(int maxValueSize) {
      return make.apply(minLength, maxValueSize);
    }
  }

  private static byte[] text(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + i % 7);
    }
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void valuesOfAtMostTheMinimumLengthAreStoredRaw(Format format) {
    byte[] atMinimum = text(format.minLength);
    assertThat(format.compressor(LIMIT).compress(atMinimum)).isSameAs(atMinimum);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void longerValuesBecomeOneFrameThatReadsBack(Format format) {
    Compressor compressor = format.compressor(LIMIT);
    byte[] value = text(format.minLength + 1);
    byte[] stored = compressor.compress(value);
    assertThat(Arrays.copyOf(stored, format.magic.length)).isEqualTo(format.magic);
    assertThat(compressor.decompress(stored)).isEqualTo(value);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aValueOfManyBlocksRoundTrips(Format format) {
    Compressor compressor = format.compressor(1 << 20);
    byte[] value = text(300_000);
    assertThat(compressor.decompress(compressor.compress(value))).isEqualTo(value);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void bytesThatAreNotAFrameAreReadAsTheyAre(Format format) {
    byte[] pickled = {(byte) 0x80, 4, (byte) 0x95, 5, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c, 1, 97, (byte) 0x94, 46};
    byte[] json = "{\"a\": [1, 2, 3], \"b\": \"text long enough\"}".getBytes(StandardCharsets.UTF_8);
    Compressor compressor = format.compressor(LIMIT);
    assertThat(compressor.decompress(pickled)).isSameAs(pickled);
    assertThat(compressor.decompress(json)).isSameAs(json);
    assertThat(compressor.decompress(new byte[0])).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aTruncatedFrameIsReadAsItIsNotAsTheValue(Format format) {
    Compressor compressor = format.compressor(LIMIT);
    byte[] stored = compressor.compress(text(5000));
    byte[] truncated = Arrays.copyOf(stored, stored.length - 5);
    assertThat(compressor.decompress(truncated)).isEqualTo(truncated);
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aFrameWithCorruptContentIsReadAsItIs(Format format) {
    Compressor compressor = format.compressor(LIMIT);
    byte[] stored = compressor.compress(text(5000));
    byte[] corrupt = stored.clone();
    for (int i = format.magic.length + 8; i < corrupt.length - 8; i++) {
      corrupt[i] ^= 0x5a;
    }
    byte[] read = compressor.decompress(corrupt);
    assertThat(read).isNotEqualTo(text(5000));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aKilobyteBombThatExpandsPastMaxValueSizeIsRefused(Format format) {
    byte[] bomb = format.compressor(Integer.MAX_VALUE - 8).compress(new byte[3 * LIMIT]);
    assertThat(bomb.length).isLessThanOrEqualTo(1024);

    assertThatThrownBy(() -> format.compressor(LIMIT).decompress(bomb))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("max_value_size");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aValueOfExactlyMaxValueSizeIsRead(Format format) {
    byte[] value = text(LIMIT);
    Compressor compressor = format.compressor(LIMIT);
    assertThat(compressor.decompress(compressor.compress(value))).isEqualTo(value);
  }
}
