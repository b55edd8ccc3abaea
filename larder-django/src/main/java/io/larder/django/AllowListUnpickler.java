package io.larder.django;

import io.larder.spi.DecodingBudget;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;
import net.razorvine.pickle.objects.SetConstructor;

/**
 * Pyrolite's unpickler with every global looked up in {@link PythonGlobals} (never in Pyrolite's
 * JVM-wide registry, which would turn unknown classes into data silently), dicts that keep their
 * insertion order as Python's do, and length prefixes checked against the bytes that are actually
 * there, so a corrupt or hostile value cannot make it allocate gigabytes.
 *
 * <p>Reading is also bounded in time and depth, by the {@link DecodingBudget} every decoder shares.
 * A pickle's memo lets a few hundred bytes describe lists that hold each other twice over, sixty
 * levels deep: a graph that is small, but a tree of 2^60 nodes to anything that walks it. Java's
 * collections hash a list, set or dict by walking it so, recursively; so wherever a container is
 * hashed here — a dict key, a set member, whichever opcode or constructor builds the set — the walk
 * is first paid from the budget and its depth checked, and once the whole value is read its nesting
 * is checked too (cycles, which Python allows, are followed once). A global's module and name must
 * be strings, never turned into text. Decimal integers and {@code Decimal}s longer than Python's
 * own limit of {@value #MAX_DIGITS} digits ({@code sys.get_int_max_str_digits}) are refused too:
 * parsing them is quadratic.
 *
 * <p>One instance reads one value: Pyrolite's unpickler is not thread-safe.
 */
final class AllowListUnpickler extends Unpickler {
  /** Python's default {@code sys.get_int_max_str_digits()}. */
  static final int MAX_DIGITS = 4300;

  private final PythonGlobals globals;
  private final DecodingBudget budget;

  /** The containers enclosing the one the nesting check visits: a cycle is followed once. */
  private Object[] path;

  /** The height of each container already walked that holds containers. */
  private Map<Object, Integer> heights;

  AllowListUnpickler(PythonGlobals globals, int length) {
    this.globals = globals;
    this.budget = DecodingBudget.forValueOf(length);
  }

  /** The value {@code pickle} holds, of at most {@link DecodingBudget#MAX_DEPTH} levels. */
  @Override
  public Object loads(byte[] pickle) throws IOException {
    Object value = super.loads(pickle);
    if (isNested(value)) {
      checkNesting(value, 1);
    }
    return value;
  }

  @Override
  protected Object dispatch(short key) throws IOException {
    switch (key) {
      case Opcodes.GLOBAL -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        stack.add(constructor(module, name));
      }
      case Opcodes.STACK_GLOBAL -> {
        Object name = stack.pop();
        Object module = stack.pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
          throw new PickleException("a global's module and name must be strings");
        }
        stack.add(constructor(m, n));
      }
      case Opcodes.INST -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        List<Object> args = stack.pop_all_since_marker();
        stack.add(constructor(module, name).construct(args.toArray()));
      }
      case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<>());
      case Opcodes.DICT -> {
        Map<Object, Object> dict = new LinkedHashMap<>();
        putPairs(stack.pop_all_since_marker(), dict);
        stack.add(dict);
      }
      case Opcodes.SETITEMS -> {
        List<Object> pairs = stack.pop_all_since_marker();
        putPairs(pairs, stack.peek());
      }
      case Opcodes.SETITEM -> {
        Object value = stack.pop();
        Object itemKey = stack.pop();
        putPairs(java.util.Arrays.asList(itemKey, value), stack.peek());
      }
      case Opcodes.ADDITEMS -> {
        List<Object> members = stack.pop_all_since_marker();
        if (!(stack.peek() instanceof Set<?>)) {
          throw new PickleException("ADDITEMS on something that is not a set");
        }
        addMembers(members, stack.peek());
      }
      case Opcodes.FROZENSET -> {
        Set<Object> set = new HashSet<>();
        addMembers(stack.pop_all_since_marker(), set);
        stack.add(set);
      }
      case Opcodes.INT, Opcodes.LONG -> {
        checkDigits();
        return super.dispatch(key);
      }
      case Opcodes.BUILD -> build(stack.pop(), stack.peek());
      case Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.BINSTRING, Opcodes.LONG4 -> {
        checkLength(4);
        return super.dispatch(key);
      }
      case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
        checkLength(8);
        return super.dispatch(key);
      }
      default -> {
        return super.dispatch(key);
      }
    }
    return NO_RETURN_VALUE;
  }

  @SuppressWarnings("unchecked")
  private void putPairs(List<Object> pairs, Object target) {
    if (!(target instanceof Map<?, ?>) || pairs.size() % 2 != 0) {
      throw new PickleException("malformed dict items in the pickle");
    }
    Map<Object, Object> dict = (Map<Object, Object>) target;
    for (int i = 0; i < pairs.size(); i += 2) {
      chargeHashing(pairs.get(i));
      dict.put(pairs.get(i), pairs.get(i + 1));
    }
  }

  @SuppressWarnings("unchecked")
  private void addMembers(List<Object> members, Object target) {
    for (Object member : members) {
      chargeHashing(member);
    }
    ((Set<Object>) target).addAll(members);
  }

  /**
   * What {@code module.name} constructs. A set's constructor hashes its members, so the one given
   * out here pays for that first, whichever opcode calls it (REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST).
   */
  private IObjectConstructor constructor(String module, String name) {
    IObjectConstructor constructor = globals.constructor(module, name);
    if (constructor instanceof SetConstructor set) {
      return args -> {
        if (args.length == 1 && args[0] instanceof Collection<?> members) {
          members.forEach(this::chargeHashing);
        }
        return set.construct(args);
      };
    }
    return constructor;
  }

  /**
   * Pays, from the budget, for hashing {@code key}: Java hashes a list, set or dict by walking
   * every container inside it, recursively, shared ones as often as they are reached. The walk here
   * visits the same containers, paying for each one and its members, and checks their depth before
   * Java's recursion would go there.
   */
  private void chargeHashing(Object key) {
    if (key instanceof Collection<?> || key instanceof Map<?, ?>) {
      walkHashed(key, 1);
    }
  }

  private void walkHashed(Object container, int level) {
    DecodingBudget.checkDepth(level);
    budget.spend(1 + sizeOf(container));
    if (container instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        chargeHashing(entry.getKey(), level);
        chargeHashing(entry.getValue(), level);
      }
    } else {
      for (Object member : (Collection<?>) container) {
        chargeHashing(member, level);
      }
    }
  }

  private void chargeHashing(Object member, int level) {
    if (member instanceof Collection<?> || member instanceof Map<?, ?>) {
      walkHashed(member, level + 1);
    }
  }

  /**
   * Checks the nesting of a value read: every list, tuple, set and dict (objects' attributes too)
   * at most {@link DecodingBudget#MAX_DEPTH} deep. A container that holds containers is walked once
   * and its height remembered, so a value of shared members costs its size, not its size as a tree;
   * a container holding only leaves is walked again where it is shared, each walk paid from the
   * budget. A container that holds one of its own enclosing containers is a cycle, which the walk
   * does not follow again.
   *
   * @return the levels of {@code container} and the containers below it
   */
  private int checkNesting(Object container, int level) {
    DecodingBudget.checkDepth(level);
    budget.spend(1 + sizeOf(container));
    int height = 1;
    if (container instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        height = Math.max(height, 1 + checkMember(container, entry.getKey(), level));
        height = Math.max(height, 1 + checkMember(container, entry.getValue(), level));
      }
    } else if (container instanceof Object[] tuple) {
      for (Object member : tuple) {
        height = Math.max(height, 1 + checkMember(container, member, level));
      }
    } else {
      for (Object member : (Collection<?>) container) {
        height = Math.max(height, 1 + checkMember(container, member, level));
      }
    }
    if (height > 1 && level > 1) {
      if (heights == null) {
        heights = new IdentityHashMap<>();
      }
      heights.put(container, height);
    }
    return height;
  }

  /**
   * The height of {@code member} of {@code container} (at {@code level}), 0 for a leaf or a cycle.
   * {@code path[0 .. level - 2]} holds the containers enclosing {@code container}, outermost first.
   */
  private int checkMember(Object container, Object member, int level) {
    if (!isNested(member) || member == container) {
      return 0;
    }
    for (int i = 0; i < level - 1; i++) {
      if (path[i] == member) {
        return 0;
      }
    }
    Integer known = heights == null ? null : heights.get(member);
    if (known != null) {
      DecodingBudget.checkDepth(level + known);
      return known;
    }
    if (path == null) {
      path = new Object[8];
    } else if (level > path.length) {
      path = Arrays.copyOf(path, Math.min(path.length * 2, DecodingBudget.MAX_DEPTH));
    }
    path[level - 1] = container;
    return checkNesting(member, level + 1);
  }

  /** The members a walk of {@code container} iterates: hashing iterates every one, leaves too. */
  private static int sizeOf(Object container) {
    if (container instanceof Map<?, ?> map) {
      return map.size();
    }
    return container instanceof Object[] tuple ? tuple.length : ((Collection<?>) container).size();
  }

  private static boolean isNested(Object value) {
    return value instanceof Collection<?>
        || value instanceof Map<?, ?>
        || value instanceof Object[];
  }

  /** The text of a protocol-0 integer must not exceed Python's limit of digits. */
  private void checkDigits() throws IOException {
    int window = MAX_DIGITS + 3; // a sign, the digits, a trailing L and the newline
    input.mark(window);
    try {
      for (int i = 0; i < window; i++) {
        int b = input.read();
        if (b < 0 || b == '\n') {
          return;
        }
      }
      throw new PickleException(
          "an integer of more than " + MAX_DIGITS + " digits (Python's int_max_str_digits)");
    } finally {
      input.reset();
    }
  }

  /**
   * Sets an allow-listed object's attributes. Pyrolite would look up and call a {@code
   * __setstate__} method on whatever Java object is on the stack; only {@link ClassDict}s (and the
   * dicts {@code collections.OrderedDict} builds) take state here.
   */
  private static void build(Object state, Object target) {
    if (target instanceof ClassDict attributes) {
      if (state instanceof Object[] pair && pair.length == 2) {
        // (instance dict, slots dict), as Python pickles an object that has __slots__.
        putAll(attributes, pair[0]);
        putAll(attributes, pair[1]);
      } else {
        putAll(attributes, state);
      }
      return;
    }
    throw new PickleException(
        "the pickle sets the state of a " + target.getClass().getSimpleName() + ", which has none");
  }

  private static void putAll(ClassDict attributes, Object state) {
    if (state instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) -> {
            if (!(name instanceof String attribute)) {
              throw new PickleException("an attribute name is not a string");
            }
            attributes.put(attribute, value);
          });
    } else if (state != null) {
      throw new PickleException(
          "an object's pickled state is not a dict but a " + state.getClass().getName());
    }
  }

  /** The little-endian length that follows must not exceed the bytes left. */
  private void checkLength(int width) throws IOException {
    input.mark(width);
    long length = 0;
    for (int i = 0; i < width; i++) {
      int b = input.read();
      if (b < 0) {
        throw new PickleException("truncated pickle");
      }
      length |= (long) b << (8 * i);
    }
    int remaining = input.available();
    input.reset();
    if (length < 0 || length > remaining) {
      throw new PickleException(
          "truncated pickle: an item of " + length + " bytes with " + remaining + " left");
    }
  }
}
