package io.larder.django;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;

/**
 * Pyrolite's unpickler with every global looked up in {@link PythonGlobals} (never in Pyrolite's
 * JVM-wide registry, which would turn unknown classes into data silently), dicts that keep their
 * insertion order as Python's do, and length prefixes checked against the bytes that are actually there, so
 * a corrupt or hostile value cannot make it allocate gigabytes.
 *
 * <p>One instance reads one value: Pyrolite's unpickler is not thread-safe.
 */
final class AllowListUnpickler extends Unpickler {
  private final PythonGlobals globals;

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
        stack.add(globals.constructor(String.valueOf(module), String.valueOf(name)));
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
  private static void putPairs(List<Object> pairs, Object target) {
    if (!(target instanceof Map<?, ?>) || pairs.size() % 2 != 0) {
      throw new PickleException("malformed dict items in the pickle");
    }
    Map<Object, Object> dict = (Map<Object, Object>) target;
    for (int i = 0; i < pairs.size(); i += 2) {
      dict.put(pairs.get(i), pairs.get(i + 1));
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
      map.forEach((name, value) -> attributes.put(String.valueOf(name), value));
    } else if (state != null) {
      throw new PickleException("an object's pickled state is not a dict: " + state);
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
