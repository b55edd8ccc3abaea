package io.larder.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import java.util.List;

/**
 * The Java serializer on any bytes, through its filter: a value or a {@link SerializationException}
 * (a {@link DisallowedClassException} for a class outside the allow-list); never another exception,
 * an {@code Error} or a hang. Seeds: SerialDOS, a lying array length, deep nesting, in {@code
 * JavaStreamFuzzTestInputs}.
 */
class JavaStreamFuzzTest {
  private final JavaSerializer serializer = new JavaSerializer("fuzz", List.of());

  @FuzzTest(maxDuration = "10s")
  void anyStreamIsAValueOrASerializationException(byte[] stream) {
    try {
      serializer.deserialize(stream);
    } catch (SerializationException refused) {
      // corrupt, hostile, over a limit, or naming a class outside the allow-list
    }
  }
}
