package io.larder.formats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.CacheContractTest;
import io.larder.CacheDefinition;
import io.larder.SerializationException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract on local memory storing copies as django-redis's JSON. */
class LocMemJsonContractTest extends CacheContractTest {
  private final String location = "json-" + UUID.randomUUID();

  @Override
  protected void configure(CacheDefinition cache) {
    cache
        .backend("locmem")
        .location(location)
        .option("store_by_value", true)
        .option("serializer", "json");
  }

  @Override
  protected boolean storesCopies() {
    return true;
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
