package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Serializer;
import io.larder.spi.SerializerProvider;
import java.util.Set;

/**
 * {@code options.serializer: json} (or django-redis's {@code
 * django_redis.serializers.json.JSONSerializer}): the {@link JsonSerializer}, which needs the
 * optional {@code com.fasterxml.jackson.core:jackson-databind} and {@code
 * com.fasterxml.jackson.datatype:jackson-datatype-jsr310} libraries.
 *
 * @since 0.1
 */
public final class JsonSerializerProvider implements SerializerProvider {
  @Override
  public String name() {
    return "json";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.serializers.json.JSONSerializer");
  }

  @Override
  public Serializer create(CacheSettings settings) {
    String named = CommonOptions.SERIALIZER.from(settings);
    FormatLibrary.JACKSON.require(settings, "serializer", named);
    FormatLibrary.JACKSON_JAVA_TIME.require(settings, "serializer", named);
    return new JsonSerializer();
  }
}
