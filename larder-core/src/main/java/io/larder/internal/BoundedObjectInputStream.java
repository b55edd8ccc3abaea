package io.larder.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * An {@link ObjectInputStream} that refuses object graphs whose hashing would explode ("SerialDOS":
 * nested sets sharing their members, a few kilobytes that take forever to hash). A {@code HashSet}
 * or {@code HashMap} hashes its members while it is being read, and {@code Collection}/{@code Map}
 * hash codes recurse into the members' members, so a graph that shares members costs work
 * exponential in its depth. Every collection and map is checked as soon as it has been read, before
 * the one that holds it hashes it: its cost (itself plus the costs of the collections and maps it
 * holds, shared ones counted each time, as hashing counts them) is added to a budget for the whole
 * stream, and the stream is refused once the budget is spent. Flat collections cost 1 however large
 * they are, so only nesting is limited.
 */
final class BoundedObjectInputStream extends ObjectInputStream {
  /** Nested collection visits one stream may cost: well past any real value, milliseconds of work. */
  static final long HASH_BUDGET = 10_000_000;

  private final Map<Object, Long> costs = new IdentityHashMap<>();
  private long spent;

  BoundedObjectInputStream(InputStream in) throws IOException {
    super(in);
    enableResolveObject(true);
  }

  @Override
  protected Object resolveObject(Object object) throws IOException {
    if (object instanceof Collection<?> || object instanceof Map<?, ?>) {
      long cost = 1;
      if (object instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          cost += costOf(entry.getKey()) + costOf(entry.getValue());
          checkBudget(cost);
        }
      } else {
        for (Object member : (Collection<?>) object) {
          cost += costOf(member);
          checkBudget(cost);
        }
      }
      spent += cost;
      checkBudget(0);
      costs.put(object, cost);
    }
    return object;
  }

  private long costOf(Object member) {
    // Members not seen yet (a collection that holds itself) are cut short by the cost of 1.
    return member instanceof Collection<?> || member instanceof Map<?, ?>
        ? costs.getOrDefault(member, 1L)
        : 0;
  }

  private void checkBudget(long pending) throws InvalidObjectException {
    if (spent + pending > HASH_BUDGET) {
      throw new InvalidObjectException(
          "the stream's nested collections share members so deeply that hashing them would cost"
              + " more than "
              + HASH_BUDGET
              + " steps");
    }
  }
}
