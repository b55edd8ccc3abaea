package io.larder.compress;

import io.larder.SerializationException;
import io.larder.spi.Compressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * django-redis's rules for a compressor of a framed format (gzip, lz4, zstd, xz): values no longer
 * than a minimum length are stored as they are; a stored value that is not a whole, well-formed
 * frame is read as it is; a frame that expands past {@code options.max_value_size} is refused (a
 * {@link SerializationException}, which the cache counts as a corrupt read and answers as a miss).
 * A subclass says only how its format's streams are made and how a frame starts.
 *
 * <pre>{@code
 * final class SnappyCompressor extends StreamCompressor {
 *   SnappyCompressor(int maxValueSize) { super(15, maxValueSize); }
 *   protected boolean startsFrame(byte[] stored) { return stored.length > 0 && stored[0] == (byte) 0xff; }
 *   protected byte[] frameOf(byte[] serialized) throws IOException {
 *     return written(serialized, SnappyFramedOutputStream::new);
 *   }
 *   protected InputStream decompressing(InputStream in) throws IOException {
 *     return new SnappyFramedInputStream(in);
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public abstract class StreamCompressor implements Compressor {
  private final int minLength;
  private final int maxValueSize;

  /**
   * Compresses values longer than {@code minLength} bytes; reads at most {@code maxValueSize}
   * decompressed bytes.
   *
   * @param minLength values of at most this many bytes are stored uncompressed
   * @param maxValueSize the most decompressed bytes a read accepts
   */
  protected StreamCompressor(int minLength, int maxValueSize) {
    this.minLength = minLength;
    this.maxValueSize = maxValueSize;
  }

  /**
   * Whether {@code stored} begins with the format's magic number.
   *
   * @param stored bytes read from the store, of any length
   * @return true if they start a frame of this format, false to read them as they are
   */
  protected abstract boolean startsFrame(byte[] stored);

  /**
   * One compressed frame of {@code serialized}; {@link #written} makes it from a stream.
   *
   * @param serialized the serialized value, longer than the minimum length
   * @return the compressed frame
   * @throws IOException if the format's stream fails
   */
  protected abstract byte[] frameOf(byte[] serialized) throws IOException;

  /**
   * A stream of the data of the frame(s) {@code in} holds; it fails on a malformed frame.
   *
   * @param in the stored bytes
   * @return a stream of the decompressed data
   * @throws IOException if the frame's header is malformed
   */
  protected abstract InputStream decompressing(InputStream in) throws IOException;

  /**
   * The most decompressed bytes a read accepts: {@code options.max_value_size}.
   *
   * @return the limit in bytes
   */
  protected final int maxValueSize() {
    return maxValueSize;
  }

  @Override
  public final byte[] compress(byte[] serialized) {
    if (serialized.length <= minLength) {
      return serialized;
    }
    try {
      return frameOf(serialized);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The data of the frame(s) {@code stored} holds, read through {@link #decompressing}; a format
   * with frames its library cannot read overrides it.
   *
   * @param stored bytes that {@link #startsFrame start a frame}
   * @return the decompressed data
   * @throws OversizedValueException if the data passes {@link #maxValueSize()} bytes
   * @throws IOException if {@code stored} is not whole, well-formed frames
   */
  protected byte[] decompressFrame(byte[] stored) throws IOException, OversizedValueException {
    try (InputStream data = decompressing(new ByteArrayInputStream(stored))) {
      return BoundedOutput.readAll(data, Math.min(maxValueSize, stored.length * 3), maxValueSize);
    }
  }

  /**
   * The bytes {@code data} becomes when written through the stream {@code frame} makes.
   *
   * @param data the bytes to compress
   * @param frame makes the compressing stream
   * @return the compressed bytes
   * @throws IOException if the stream fails
   */
  protected static byte[] written(byte[] data, FrameWriter frame) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
    try (OutputStream compressing = frame.around(out)) {
      compressing.write(data);
    }
    return out.toByteArray();
  }

  /** Makes a stream that writes one compressed frame to {@code out} and ends it on close. */
  @FunctionalInterface
  protected interface FrameWriter {
    /**
     * A compressing stream around {@code out}.
     *
     * @param out where the compressed frame is written
     * @return a stream that compresses what is written to it into {@code out}
     * @throws IOException if the stream cannot be made
     */
    OutputStream around(OutputStream out) throws IOException;
  }

  @Override
  public final byte[] decompress(byte[] stored) {
    if (!startsFrame(stored)) {
      return stored;
    }
    try {
      return decompressFrame(stored);
    } catch (OversizedValueException e) {
      throw new SerializationException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      // Not a whole frame of this format (django-redis's CompressorError): the bytes as stored.
      return stored;
    }
  }
}
