package io.larder.django;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
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
 * insertion order as Python's do, and length prefixes checked against the bytes that are actually there, so
 * a corrupt or hostile value cannot make it allocate gigabytes.
 *
 * <p>Reading is also bounded in time. A pickle's memo lets a few hundred bytes describe lists that
 * hold each other twice over, sixty levels deep: a graph that is small, but a tree of 2^60 nodes
 * to anything that walks it. Where the reader itself would walk one — hashing a dict key or set
 * member, as Java's collections do recursively — the walk is paid from a budget of {@value
 * #HASH_BUDGET} nested containers per pickle, and a pickle that spends it is refused; a global's
 * module and name must be strings, never turned into text. Decimal integers and {@code Decimal}s
 * longer than Python's own limit of {@value #MAX_DIGITS} digits ({@code sys.get_int_max_str_digits})
 * are refused too: parsing them is quadratic.
 *
 * <p>One instance reads one value: Pyrolite's unpickler is not thread-safe.
 */
final class AllowListUnpickler extends Unpickler {
  /** Python's default {@code sys.get_int_max_str_digits()}. */
  static final int MAX_DIGITS = 4300;

  static final long HASH_BUDGET = 1_000_000;

  private final PythonGlobals globals;
  private long hashBudget = HASH_BUDGET;

  AllowListUnpickler(PythonGlobals globals) {
    this.globals = globals;
  }

  @Override
  protected Object dispatch(short key) throws IOException {
    switch (key) {
      case Opcodes.GLOBAL -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        stack.add(globals.constructor(module, name));
      }
      case Opcodes.STACK_GLOBAL -> {
        Object name = stack.pop();
        Object module = stack.pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
          throw new PickleException("a global's module and name must be strings");
        }
        stack.add(globals.constructor(m, n));
      }
      case Opcodes.INST -> {
        String module = PickleUtils.readline(input);
        String name = PickleUtils.readline(input);
        List<Object> args = stack.pop_all_since_marker();
        stack.add(globals.constructor(module, name).construct(args.toArray()));
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
      case Opcodes.REDUCE, Opcodes.NEWOBJ -> {
        Object args = stack.pop();
        Object callable = stack.pop();
        if (!(callable instanceof IObjectConstructor constructor) || !(args instanceof Object[] a)) {
          throw new PickleException("REDUCE needs a callable and a tuple of arguments");
        }
        if (constructor instanceof SetConstructor && a.length == 1 && a[0] instanceof Collection<?> c) {
          c.forEach(this::chargeHashing);
        }
        stack.add(constructor.construct(a));
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
   * Pays, from the pickle's budget, for hashing {@code key}: Java hashes a list, set or dict by
   * walking every container inside it, shared ones as often as they are reached. The walk here
   * counts the same containers and stops when the budget is spent, so it costs no more than the
   * budget either.
   */
  private void chargeHashing(Object key) {
    if (!isContainer(key)) {
      return;
    }
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(key);
    while (!pending.isEmpty()) {
      if (--hashBudget < 0) {
        throw new PickleException(
            "the pickle's dict keys or set members nest shared lists, sets or dicts so deeply that"
                + " hashing them would take more than "
                + HASH_BUDGET
                + " steps");
      }
      Object next = pending.pop();
      Collection<?> members = next instanceof Map<?, ?> map ? mapItems(map) : (Collection<?>) next;
      for (Object member : members) {
        if (isContainer(member)) {
          pending.push(member);
        }
      }
    }
  }

  private static Collection<Object> mapItems(Map<?, ?> map) {
    List<Object> items = new ArrayList<>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          items.add(k);
          items.add(v);
        });
    return items;
  }

  private static boolean isContainer(Object value) {
    return value instanceof Collection<?> || value instanceof Map<?, ?>;
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
