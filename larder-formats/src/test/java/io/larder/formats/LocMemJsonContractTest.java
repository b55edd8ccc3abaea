package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.SerializationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract on local memory storing copies as django-redis's JSON. */
class LocMemJsonContractTest extends LocMemFormatContractTest {
  @Override
  protected Map<String, Object> format() {
    return Map.of("serializer", "json");
  }

  /** JSON has no bytes, and django-redis's JSONSerializer refuses them: so does this one. */
  @Test
  @Override
  protected void binaryValuesRoundTrip() {
    assertThatThrownBy(() -> cache.set("binary", new byte[] {1, 2, 3}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("JSON has no bytes");
  }
}
