package io.larder.django;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Serializer;
import io.larder.spi.SerializerProvider;

/**
 * {@code options.serializer: pickle}: values as Python pickles, readable and writable by a Django
 * app sharing the cache. {@code options.serializer_allow} lists Python modules or globals (for
 * instance {@code myapp.models.Point}) whose pickled objects are read as maps of their attributes.
 *
 * <pre>{@code
 * caches:
 *   default:
 *     backend: filebased
 *     location: /var/tmp/django_cache
 *     options:
 *       serializer: pickle
 * }</pre>
 *
 * @since 0.1
 */
public final class PickleSerializerProvider implements SerializerProvider {
  @Override
  public String name() {
    return "pickle";
  }

  @Override
  public Serializer create(CacheSettings settings) {
    return new PickleSerializer(
        settings.alias(), new PythonGlobals(CommonOptions.SERIALIZER_ALLOW.from(settings)));
  }
}
