/**
 * django-redis's other value formats, found by name through {@code ServiceLoader}: the {@code json}
 * and {@code msgpack} serializers and the {@code lz4}, {@code zstd} and {@code lzma} compressors,
 * each writing the bytes django-redis writes, so a Django app and a Java service share values
 * ({@code docs/configuration.md}, "Serializers" and "Compressors"); and {@code json_typed}, JSON
 * that keeps Java's types behind {@code options.serializer_allow}, for caches only Java reads
 * ({@code docs/formats.md}).
 *
 * <pre>{@code
 * caches:
 *   default:
 *     backend: redis
 *     location: redis://127.0.0.1:6379/1
 *     options: { serializer: json, compressor: lz4 }
 * }</pre>
 *
 * <p>Each format's library is an optional dependency: add the one you configure (a missing one is
 * a start-up error naming its artifact). The serializers and compressors here are public so that a
 * builder can name them; the providers are what {@code ServiceLoader} finds.
 *
 * @since 0.1
 */
package io.larder.formats;
