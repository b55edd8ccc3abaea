package io.larder.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.SerializationException;
import java.util.function.Supplier;

/**
 * zlib and gzip readers on any bytes: at most the limit, or a {@link SerializationException}; never
 * another exception, an {@code Error} or a hang. Seeds: bombs and truncated streams, in {@code
 * CompressorFuzzTestInputs}.
 */
class CompressorFuzzTest {
  private static final int LIMIT = 1 << 20;
  private final ZlibCompressor zlib = new ZlibCompressor(15, 6, LIMIT);
  private final GzipCompressor gzip = new GzipCompressor(15, LIMIT);

  @FuzzTest(maxDuration = "10s")
  void zlibReadsAnyBytesWithinTheLimit(byte[] stored) {
    readWithinLimit(() -> zlib.decompress(stored));
  }

  @FuzzTest(maxDuration = "10s")
  void gzipReadsAnyBytesWithinTheLimit(byte[] stored) {
    readWithinLimit(() -> gzip.decompress(stored));
  }

  private static void readWithinLimit(Supplier<byte[]> read) {
    byte[] value;
    try {
      value = read.get();
    } catch (SerializationException refused) {
      return;
    }
    assertThat(value.length).isLessThanOrEqualTo(Math.max(LIMIT, value.length == 0 ? 0 : LIMIT));
  }
}
