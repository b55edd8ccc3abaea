package io.larder.spi;

import io.larder.SerializationException;

/**
 * What reading one stored value may cost, the same for every serializer: at most {@value
 * #MAX_DEPTH} levels of nesting, and at most {@value #BASE_STEPS} steps of work plus {@value
 * #STEPS_PER_BYTE} per byte of the value. A step is one object visited by a walk the reader makes
 * of the value as a tree — the walk Java's {@code hashCode} makes of a collection it hashes, shared
 * members once for every time they are reached — so a small value that describes a huge tree
 * (shared members, nested a few dozen times) is refused rather than hashed for minutes, and a value
 * nested deeper than any real one is refused before anything recurses through it, whatever the
 * reading thread's stack size.
 *
 * <p>A decoder takes one budget per value and charges it as it reads:
 *
 * <pre>{@code
 * DecodingBudget budget = DecodingBudget.forValueOf(bytes.length);
 * DecodingBudget.checkDepth(depth); // before descending into a nested container
 * budget.spend(treeSizeOf(key));    // before hashing a container
 * }</pre>
 *
 * <p>Charging allocates nothing. A budget belongs to one read on one thread.
 *
 * @since 0.1
 */
public final class DecodingBudget {
  /**
   * Nesting levels a value may have. Java's {@code ObjectInputStream} and {@code hashCode} recurse
   * once per level: at this depth a Java stream reads within a 384 KB thread stack even before the
   * JIT compiles the reader, a third of the JVM's default.
   */
  public static final int MAX_DEPTH = 100;

  /** Steps any value may cost, however short: milliseconds of work. */
  public static final long BASE_STEPS = 1_000_000;

  /**
   * Steps each byte of the value adds, so that a large real value is never refused for its size.
   */
  public static final int STEPS_PER_BYTE = 64;

  private final long limit;
  private long spent;

  private DecodingBudget(long limit) {
    this.limit = limit;
  }

  /**
   * The budget for reading a value stored in {@code length} bytes.
   *
   * @param length the stored value's length in bytes; a negative length counts as 0
   * @return a new budget of {@link #BASE_STEPS} plus {@link #STEPS_PER_BYTE} per byte
   */
  public static DecodingBudget forValueOf(int length) {
    return new DecodingBudget(BASE_STEPS + (long) STEPS_PER_BYTE * Math.max(0, length));
  }

  /**
   * Charges {@code steps}.
   *
   * @param steps the work done, e.g. the number of elements read or hashed
   * @throws SerializationException if the value has now cost more than its budget
   */
  public void spend(long steps) {
    spent += steps;
    if (spent > limit || spent < 0) {
      throw new SerializationException(
          "the value's containers share members so deeply that walking it as a tree, as hashing"
              + " does, would visit more than "
              + limit
              + " objects, more than reading a value of its size may cost");
    }
  }

  /**
   * Checks that a container at nesting level {@code depth} (the outermost value is level 1) is
   * within {@link #MAX_DEPTH}.
   *
   * @param depth the container's nesting level, 1 for the outermost value
   * @throws SerializationException if it is nested deeper
   */
  public static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw new SerializationException(
          "the value nests more than " + MAX_DEPTH + " levels deep, the limit for any value read");
    }
  }
}
