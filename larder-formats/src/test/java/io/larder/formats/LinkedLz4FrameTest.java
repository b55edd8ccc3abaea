package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import io.larder.compress.OversizedValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Frames as Python's {@code lz4.frame.compress} writes values of more than one 64 KB block: linked
 * blocks, with the content size, optionally with block and content checksums (the checked-in
 * frames were made by Debian's python3-lz4 from {@link #text()}).
 */
class LinkedLz4FrameTest {
  private static final int LIMIT = 64 * 1024;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = LinkedLz4FrameTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] text() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 12000; i++) {
      text.append(i).append(':').append(String.valueOf("abcdefghij".charAt(i % 10)).repeat(i % 13));
      text.append(' ');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void pythonsDefaultFrameOfLinkedBlocksReads() throws IOException {
    byte[] frame = resource("linked-blocks.lz4");
    assertThat(LinkedLz4Frame.isLinked(frame)).isTrue();
    assertThat(new Lz4Compressor(15, 1 << 20).decompress(frame)).isEqualTo(text());
  }

  @Test
  void aLinkedFrameWithBlockAndContentChecksumsReads() throws IOException {
    assertThat(new Lz4Compressor(15, 1 << 20).decompress(resource("linked-blocks-checksums.lz4")))
        .isEqualTo(text());
  }

  @Test
  void aLinkedFrameWhoseContentChecksumFailsIsReadAsItIs() throws IOException {
    byte[] frame = resource("linked-blocks-checksums.lz4");
    frame[frame.length - 1] ^= 1;
    assertThat(new Lz4Compressor(15, 1 << 20).decompress(frame)).isEqualTo(frame);
  }

  @Test
  void aTruncatedLinkedFrameIsReadAsItIs() throws IOException {
    byte[] frame = Arrays.copyOf(resource("linked-blocks.lz4"), 40_000);
    assertThat(new Lz4Compressor(15, 1 << 20).decompress(frame)).isEqualTo(frame);
  }

  @Test
  void aLinkedFrameWithGarbledBlocksIsReadAsItIsWithoutReachingOutsideItsData() throws IOException {
    byte[] frame = resource("linked-blocks.lz4");
    for (int i = 30; i < frame.length; i += 97) {
      frame[i] = (byte) (frame[i] * 31 + 7);
    }
    assertThat(new Lz4Compressor(15, 1 << 20).decompress(frame)).isEqualTo(frame);
  }

  @Test
  void aLinkedBombPastTheLimitIsRefusedBeforeItsBlocksAreDecoded() throws IOException {
    byte[] bomb = resource("linked-bomb.lz4");
    assertThat(bomb.length).isLessThanOrEqualTo(1024);
    assertThatThrownBy(() -> new Lz4Compressor(15, LIMIT).decompress(bomb))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("max_value_size");
  }

  @Test
  void aLinkedBombWithoutItsContentSizeIsRefusedAsItGrowsPastTheLimit() throws Exception {
    byte[] frame = resource("linked-bomb.lz4");
    // Clear the content-size flag, drop the 8 size bytes, and re-seal the descriptor's checksum.
    byte[] noSize = new byte[frame.length - 8];
    System.arraycopy(frame, 0, noSize, 0, 6);
    noSize[4] &= ~0x08;
    System.arraycopy(frame, 15, noSize, 7, frame.length - 15);
    noSize[6] =
        (byte)
            (net.jpountz.xxhash.XXHashFactory.fastestInstance().hash32().hash(noSize, 4, 2, 0)
                >> 8);

    assertThatThrownBy(() -> LinkedLz4Frame.decode(noSize, LIMIT))
        .isInstanceOf(OversizedValueException.class);
    assertThat(LinkedLz4Frame.decode(noSize, 3 * LIMIT)).hasSize(3 * LIMIT).containsOnly(0);
  }
}
