package io.larder.django;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.SerializationException;
import java.util.List;

/**
 * The pickle reader on any bytes: a value or a {@link SerializationException} (a {@code
 * DisallowedClassException} for a global outside the allow-list); never another exception, an
 * {@code Error} or a hang. Seeds: nested shared lists, long decimals, Django's own pickles, in
 * {@code PickleFuzzTestInputs}.
 */
class PickleFuzzTest {
  private final PickleSerializer pickle = new PickleSerializer("fuzz", new PythonGlobals(List.of()));

  @FuzzTest(maxDuration = "10s")
  void anyPickleIsAValueOrASerializationException(byte[] bytes) {
    try {
      pickle.deserialize(bytes);
    } catch (SerializationException refused) {
      // corrupt, hostile, over a limit, or naming a global outside the allow-list
    }
  }
}
