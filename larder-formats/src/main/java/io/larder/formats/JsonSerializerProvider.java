package io.larder.formats;

import java.util.List;
import java.util.Set;

/**
 * {@code options.serializer: json} (or django-redis's {@code
 * django_redis.serializers.json.JSONSerializer}): the {@link JsonSerializer}, which needs the
 * optional {@code com.fasterxml.jackson.core:jackson-databind} and {@code
 * com.fasterxml.jackson.datatype:jackson-datatype-jsr310} libraries.
 *
 * @since 0.1
 */
public final class JsonSerializerProvider extends FormatSerializerProvider {
  /** Found by {@code ServiceLoader}. */
  public JsonSerializerProvider() {
    super(
        "json",
        Set.of("django_redis.serializers.json.JSONSerializer"),
        List.of(FormatLibrary.JACKSON, FormatLibrary.JACKSON_JAVA_TIME),
        settings -> new JsonSerializer());
  }
}
