package io.larder.spi;

/**
 * Compresses serialized values, chosen with {@code options.compressor}: {@code zlib}, {@code gzip}
 * or {@code none} in core, {@code lz4}, {@code zstd} and {@code lzma} in larder-formats, or one a
 * {@link CompressorProvider} offers. These follow django-redis's rules, so the bytes are
 * interchangeable with a Django app's: values no longer than {@code options.compress_min_length}
 * (15 bytes) are stored raw, and reading tries to decompress and falls back to the raw bytes.
 *
 * @since 0.1
 */
public interface Compressor {
  /**
   * The bytes to store for {@code serialized}.
   *
   * @param serialized the serialized value; not null
   * @return the bytes to store, which {@link #decompress} reads back
   */
  byte[] compress(byte[] serialized);

  /**
   * The serialized value from stored bytes, which may or may not have been compressed.
   *
   * @param stored bytes read from the store; not null
   * @return the serialized value
   * @throws io.larder.SerializationException if the bytes are corrupt or inflate past the limit
   */
  byte[] decompress(byte[] stored);

  /**
   * The compressor that stores bytes as they are.
   *
   * @return a compressor whose {@code compress} and {@code decompress} return their argument
   */
  static Compressor none() {
    return NoCompressor.INSTANCE;
  }
}
