package io.larder.django;

import io.larder.DisallowedClassException;
import io.larder.SerializationException;
import io.larder.spi.Serializer;
import java.io.IOException;

/**
 * Python pickle, so that a Java service and a Django app can share one cache. Reads protocols 0 to
 * 5 (Django writes 5); writes protocol 2, which every Python 3 reads.
 *
 * <table>
 *   <caption>Python and Java types</caption>
 *   <tr><th>Python</th><th>Java</th></tr>
 *   <tr><td>None, bool, str, float</td><td>null, Boolean, String, Double</td></tr>
 *   <tr><td>int</td><td>Integer, Long or BigInteger by size</td></tr>
 *   <tr><td>bytes, bytearray</td><td>byte[]</td></tr>
 *   <tr><td>list, tuple, dict, set/frozenset</td><td>List, Object[], Map (ordered), Set</td></tr>
 *   <tr><td>Decimal</td><td>BigDecimal</td></tr>
 *   <tr><td>datetime naive / aware</td><td>LocalDateTime / OffsetDateTime</td></tr>
 *   <tr><td>date, time, timedelta</td><td>LocalDate, LocalTime or OffsetTime, Duration</td></tr>
 * </table>
 *
 * <p>Reading names only allow-listed globals ({@link PythonGlobals}): a pickle from the cache can
 * never run code, unlike Python's own {@code pickle.loads}.
 */
final class PickleSerializer implements Serializer {
  private final String alias;
  private final PythonGlobals globals;

  PickleSerializer(String alias, PythonGlobals globals) {
    this.alias = alias;
    this.globals = globals;
  }

  @Override
  public byte[] serialize(Object value) {
    try {
      return new ValuePickler().pickle(value);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new SerializationException(
          "Cache '" + alias + "' cannot pickle this value: " + message(e), e);
    }
  }

  @Override
  public Object deserialize(byte[] bytes) {
    try {
      return new AllowListUnpickler(globals, bytes.length).loads(bytes);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Cache '" + alias + "': stored bytes are not a readable pickle (" + message(e) + ")", e);
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
