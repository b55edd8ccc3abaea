/**
 * The JDK's compressors ({@code compressor: zlib} and {@code gzip}), byte-compatible with Python's
 * {@code zlib} and {@code gzip} modules, with a limit on what a stored value may inflate to.
 *
 * <p>An application names these by {@code options.compressor}, not by class. Backend and
 * compressor authors may use {@link io.larder.compress.Zlib} (the bounded inflate behind Django's
 * zlib bytes) and extend {@link io.larder.compress.StreamCompressor} for another framed format;
 * {@link io.larder.compress.OversizedValueException} is what a value over the limit raises.
 *
 * @since 0.1
 */
package io.larder.compress;
