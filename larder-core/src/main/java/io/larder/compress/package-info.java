/**
 * The JDK's compressors ({@code compressor: zlib} and {@code gzip}), byte-compatible with Python's
 * {@code zlib} and {@code gzip} modules, with a limit on what a stored value may inflate to.
 *
 * @since 0.1
 */
package io.larder.compress;
