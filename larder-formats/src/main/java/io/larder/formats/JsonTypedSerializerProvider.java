package io.larder.formats;

import io.larder.spi.CommonOptions;
import java.util.List;
import java.util.Set;

/**
 * {@code options.serializer: json_typed}: the {@link JsonTypedSerializer}, allowed the packages of
 * {@code options.serializer_allow}; needs the optional {@code
 * com.fasterxml.jackson.core:jackson-databind} and {@code
 * com.fasterxml.jackson.datatype:jackson-datatype-jsr310} libraries.
 *
 * @since 0.1
 */
public final class JsonTypedSerializerProvider extends FormatSerializerProvider {
  /** Found by {@code ServiceLoader}. */
  public JsonTypedSerializerProvider() {
    super(
        "json_typed",
        Set.of(),
        List.of(FormatLibrary.JACKSON, FormatLibrary.JACKSON_JAVA_TIME),
        settings ->
            new JsonTypedSerializer(
                settings.alias(), CommonOptions.SERIALIZER_ALLOW.from(settings)));
  }
}
