package io.larder.internal;

import static java.io.ObjectStreamConstants.SC_BLOCK_DATA;
import static java.io.ObjectStreamConstants.SC_EXTERNALIZABLE;
import static java.io.ObjectStreamConstants.SC_SERIALIZABLE;
import static java.io.ObjectStreamConstants.SC_WRITE_METHOD;
import static java.io.ObjectStreamConstants.STREAM_MAGIC;
import static java.io.ObjectStreamConstants.STREAM_VERSION;
import static java.io.ObjectStreamConstants.TC_ARRAY;
import static java.io.ObjectStreamConstants.TC_BLOCKDATA;
import static java.io.ObjectStreamConstants.TC_BLOCKDATALONG;
import static java.io.ObjectStreamConstants.TC_CLASS;
import static java.io.ObjectStreamConstants.TC_CLASSDESC;
import static java.io.ObjectStreamConstants.TC_ENDBLOCKDATA;
import static java.io.ObjectStreamConstants.TC_ENUM;
import static java.io.ObjectStreamConstants.TC_LONGSTRING;
import static java.io.ObjectStreamConstants.TC_NULL;
import static java.io.ObjectStreamConstants.TC_OBJECT;
import static java.io.ObjectStreamConstants.TC_PROXYCLASSDESC;
import static java.io.ObjectStreamConstants.TC_REFERENCE;
import static java.io.ObjectStreamConstants.TC_STRING;
import static java.io.ObjectStreamConstants.baseWireHandle;

import io.larder.SerializationException;
import io.larder.spi.DecodingBudget;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a Java serialization stream's grammar — without loading or instantiating anything — and
 * refuses it before {@code ObjectInputStream} does the work it describes, when that work is out of
 * the {@link DecodingBudget}:
 *
 * <ul>
 *   <li>Nesting: objects nested more than {@link DecodingBudget#MAX_DEPTH} deep, counting objects
 *       reached through back-references, so that neither the reader nor a {@code hashCode} it calls
 *       recurses deeper.
 *   <li>Work: the JDK's hashing collections ({@code HashSet}, {@code HashMap}, {@code Hashtable},
 *       {@code ConcurrentHashMap}, {@code Set.of}/{@code Map.of}, and subclasses) hash each member
 *       or key as they read it, and a hash walks the member's whole tree. So each member or key,
 *       read there for the first time or named again by back-reference, costs the size of its tree
 *       (objects, back-references expanded): a set that names one deeply shared list a thousand
 *       times costs a thousand trees, however few bytes it takes. Objects elsewhere cost nothing: a
 *       graph that shares objects is what Java serialization is for.
 *   <li>Self-containing keys: a set member or map key of the JDK's hashing collections that reaches
 *       back to a {@code java.util} object still being read contains itself, and hashing it would
 *       never end.
 * </ul>
 *
 * <p>The check costs one pass over the bytes and a few small arrays of the stream's handles. It
 * follows the grammar of the Java Object Serialization Specification, chapter 6; what it cannot
 * parse (an {@code Externalizable} written without block data, an exception or reset in the stream)
 * is refused, as {@code JavaSerializer} never writes it.
 */
final class JavaStreamCheck {
  private static final int OPEN = 1;
  private static final int DESC = 2;
  private static final int JDK = 4;
  private static final int CYCLIC = 8;

  private static final long MAX_TREE = 1L << 46;

  private static final int HASHES_NONE = 0;
  private static final int HASHES_ALL = 1;
  private static final int HASHES_KEYS = 2;

  private static final byte[] JAVA_UTIL = ascii("java.util.");
  private static final byte[][] HASHES_ALL_NAMES = {
    ascii("java.util.HashSet"), ascii("java.util.CollSer")
  };
  private static final byte[][] HASHES_KEYS_NAMES = {
    ascii("java.util.HashMap"),
    ascii("java.util.Hashtable"),
    ascii("java.util.concurrent.ConcurrentHashMap")
  };

  private final byte[] in;
  private final DecodingBudget budget;
  private int pos;

  /**
   * Per handle, in one long: the flags in bits 0-7, the nesting depth in bits 8-15 and, above, the
   * tree size of an object or the index in {@link #descs} of a class descriptor.
   */
  private long[] entries;

  private int handles;
  private Desc[] descs = new Desc[8];
  private int descCount;

  /** The nesting depth of the item read last: 0 for a leaf. */
  private int lastDepth;

  /** Whether the item read last reaches a {@code java.util} object that was still being read. */
  private boolean lastCyclic;

  private JavaStreamCheck(byte[] in) {
    this.in = in;
    this.budget = DecodingBudget.forValueOf(in.length);
    // A handle takes at least three bytes of the stream; most values need no growth.
    this.entries = new long[Math.max(16, Math.min(in.length / 8, 1 << 12))];
  }

  /**
   * Checks {@code stream}. A stream that ends early passes: everything before its end has been
   * checked, and {@code ObjectInputStream}, reading the same bytes in the same order, refuses it
   * where it ends (or, for an array longer than the stream, its filter does).
   *
   * @throws SerializationException if it is malformed or out of the budget
   */
  static void check(byte[] stream) {
    try {
      new JavaStreamCheck(stream).root();
    } catch (Truncated endsEarly) {
      // ObjectInputStream refuses it, as said above.
    }
  }

  private void root() {
    if (u2() != (STREAM_MAGIC & 0xFFFF) || u2() != STREAM_VERSION) {
      throw corrupt("not a Java serialization stream");
    }
    content(1);
  }

  /**
   * One item of the stream inside {@code level - 1} enclosing objects (the value itself is at level
   * 1); answers its tree size.
   */
  private long content(int level) {
    int tc = u1();
    switch (tc) {
      case TC_NULL -> {
        return leaf(0);
      }
      case TC_REFERENCE -> {
        return reference();
      }
      case TC_STRING -> {
        assign(0);
        skip(u2());
        return leaf(1);
      }
      case TC_LONGSTRING -> {
        assign(0);
        skip(s8());
        return leaf(1);
      }
      case TC_CLASS -> {
        classDesc(level);
        assign(0);
        return leaf(1);
      }
      case TC_ENUM -> {
        classDesc(level);
        assign(0);
        content(level + 1);
        return leaf(1);
      }
      case TC_CLASSDESC, TC_PROXYCLASSDESC -> {
        pos--;
        classDesc(level);
        return leaf(1);
      }
      case TC_ARRAY -> {
        return array(level);
      }
      case TC_OBJECT -> {
        return object(level);
      }
      default -> throw corrupt("unexpected type code 0x" + Integer.toHexString(tc));
    }
  }

  private long leaf(long treeSize) {
    lastDepth = 0;
    lastCyclic = false;
    return treeSize;
  }

  private long reference() {
    long entry = entries[handle()];
    int flags = (int) entry & 0xFF;
    if ((flags & DESC) != 0) {
      return leaf(1);
    }
    if ((flags & OPEN) != 0) {
      // A cycle: the walk stops here, as hashing stops at an object that hashes by identity.
      lastDepth = 0;
      lastCyclic = (flags & JDK) != 0;
      return 1;
    }
    long treeSize = entry >>> 16;
    lastDepth = (int) (entry >>> 8) & 0xFF;
    lastCyclic = (flags & CYCLIC) != 0;
    return treeSize;
  }

  private long array(int level) {
    enter(level);
    Desc desc = classDesc(level);
    if (desc == null || desc.arrayElement < 0) {
      throw corrupt("an array whose class is not an array class");
    }
    int handle = assign(OPEN);
    int length = s4();
    if (length < 0) {
      throw corrupt("an array of negative length");
    }
    if (desc.arrayElement > 0) {
      // Each element counts: a BitSet's or BigInteger's hash walks its whole array every time.
      skip((long) length * desc.arrayElement);
      return close(handle, 1L + length, 0, false);
    }
    long total = 1;
    int deepest = 0;
    boolean cyclic = false;
    for (int i = 0; i < length; i++) {
      total = plus(total, content(level + 1));
      deepest = Math.max(deepest, lastDepth);
      cyclic |= lastCyclic;
    }
    return close(handle, total, deepest, cyclic);
  }

  private long object(int level) {
    enter(level);
    Desc desc = classDesc(level);
    if (desc == null) {
      throw corrupt("an object without a class");
    }
    int handle = assign(OPEN | (desc.jdk ? JDK : 0));
    long total = 1;
    int deepest = 0;
    boolean cyclic = false;
    if ((desc.flags & SC_EXTERNALIZABLE) != 0) {
      if ((desc.flags & SC_BLOCK_DATA) == 0) {
        throw corrupt("an Externalizable object of protocol 1");
      }
      total = plus(total, annotation(level, HASHES_NONE));
      deepest = lastDepth;
      cyclic = lastCyclic;
      return close(handle, total, deepest, cyclic);
    }
    // Class data runs from the topmost serializable superclass down to the object's own class.
    for (int up = desc.chain - 1; up >= 0; up--) {
      Desc slot = desc;
      for (int i = 0; i < up; i++) {
        slot = slot.superDesc;
      }
      if ((slot.flags & SC_SERIALIZABLE) == 0) {
        continue;
      }
      skip(slot.primitiveBytes);
      for (int i = 0; i < slot.objectFields; i++) {
        total = plus(total, content(level + 1));
        deepest = Math.max(deepest, lastDepth);
        cyclic |= lastCyclic;
      }
      if ((slot.flags & SC_WRITE_METHOD) != 0) {
        total = plus(total, annotation(level, slot.hashes));
        deepest = Math.max(deepest, lastDepth);
        cyclic |= lastCyclic;
      }
    }
    return close(handle, total, deepest, cyclic);
  }

  /**
   * Block data and objects up to {@code TC_ENDBLOCKDATA}: what a {@code writeObject} method wrote.
   * Answers their summed tree size, with the deepest and whether any is cyclic in the last fields.
   */
  private long annotation(int level, int hashes) {
    long total = 0;
    int deepest = 0;
    boolean cyclic = false;
    int objects = 0;
    while (true) {
      int tc = peek();
      if (tc == TC_ENDBLOCKDATA) {
        pos++;
        lastDepth = deepest;
        lastCyclic = cyclic;
        return total;
      } else if (tc == TC_BLOCKDATA) {
        pos++;
        skip(u1());
      } else if (tc == TC_BLOCKDATALONG) {
        pos++;
        skip(s4());
      } else {
        long treeSize = content(level + 1);
        total = plus(total, treeSize);
        boolean hashed = hashes == HASHES_ALL || (hashes == HASHES_KEYS && objects % 2 == 0);
        if (hashed) {
          if (lastCyclic) {
            throw new SerializationException(
                "a set member or map key in the stream contains itself; hashing it would never"
                    + " end");
          }
          budget.spend(treeSize);
        }
        objects++;
        deepest = Math.max(deepest, lastDepth);
        cyclic |= lastCyclic;
      }
    }
  }

  /**
   * Refuses to read an object inside more enclosing objects than a value may nest: the reader and
   * this check recurse once per level.
   */
  private static void enter(int level) {
    DecodingBudget.checkDepth(level - 1);
  }

  /** Completes an object: one level deeper than its deepest member, or a leaf if it holds none. */
  private long close(int handle, long total, int deepest, boolean cyclic) {
    int nested = total > 1 ? deepest + 1 : 0;
    DecodingBudget.checkDepth(nested);
    int flags = ((int) entries[handle] & 0xFF & ~OPEN) | (cyclic ? CYCLIC : 0);
    entries[handle] = (total << 16) | ((long) nested << 8) | flags;
    lastDepth = nested;
    lastCyclic = cyclic;
    return total;
  }

  /** {@code a + b}, held at 2^46 so that it fits an entry: no budget allows hashing that much. */
  private static long plus(long a, long b) {
    return Math.min(a + b, MAX_TREE);
  }

  /** A class descriptor: new, a back-reference to one, or null. */
  private Desc classDesc(int level) {
    enter(level);
    int tc = u1();
    switch (tc) {
      case TC_NULL -> {
        return null;
      }
      case TC_REFERENCE -> {
        long entry = entries[handle()];
        if ((entry & 0xFF) != DESC) {
          throw corrupt("a class descriptor reference to something else");
        }
        return descs[(int) (entry >>> 16)];
      }
      case TC_CLASSDESC -> {
        int nameLength = u2();
        int name = take(nameLength);
        skip(8); // serialVersionUID
        int handle = assign(DESC | OPEN);
        int flags = u1();
        int fields = u2();
        int primitiveBytes = 0;
        int objectFields = 0;
        for (int i = 0; i < fields; i++) {
          int type = u1();
          skip(u2()); // the field's name
          switch (type) {
            case 'B', 'Z' -> primitiveBytes += 1;
            case 'C', 'S' -> primitiveBytes += 2;
            case 'I', 'F' -> primitiveBytes += 4;
            case 'J', 'D' -> primitiveBytes += 8;
            case 'L', '[' -> {
              objectFields++;
              content(level + 1); // the field's class name, a string
            }
            default -> throw corrupt("a field of unknown type '" + (char) type + "'");
          }
        }
        annotation(level, HASHES_NONE);
        Desc superDesc = classDesc(level + 1);
        return described(
            handle,
            new Desc(
                flags,
                primitiveBytes,
                objectFields,
                superDesc,
                hashes(name, nameLength),
                startsWith(name, nameLength, JAVA_UTIL),
                arrayElement(name, nameLength)));
      }
      case TC_PROXYCLASSDESC -> {
        int handle = assign(DESC | OPEN);
        int interfaces = s4();
        for (int i = 0; i < interfaces; i++) {
          skip(u2());
        }
        annotation(level, HASHES_NONE);
        Desc superDesc = classDesc(level + 1);
        return described(
            handle, new Desc(SC_SERIALIZABLE, 0, 0, superDesc, HASHES_NONE, false, -1));
      }
      default -> throw corrupt("expected a class descriptor, found 0x" + Integer.toHexString(tc));
    }
  }

  private Desc described(int handle, Desc desc) {
    DecodingBudget.checkDepth(desc.chain);
    if (descCount == descs.length) {
      descs = Arrays.copyOf(descs, descCount * 2);
    }
    descs[descCount] = desc;
    entries[handle] = ((long) descCount++ << 16) | DESC;
    return desc;
  }

  private int assign(int flags) {
    if (handles == entries.length) {
      entries = Arrays.copyOf(entries, handles * 2);
    }
    entries[handles] = (1L << 16) | flags;
    return handles++;
  }

  private int handle() {
    int handle = s4() - baseWireHandle;
    if (handle < 0 || handle >= handles) {
      throw corrupt("a reference to handle " + handle + " of " + handles);
    }
    return handle;
  }

  private int peek() {
    need(1);
    return in[pos] & 0xFF;
  }

  private int u1() {
    need(1);
    return in[pos++] & 0xFF;
  }

  private int u2() {
    need(2);
    int value = ((in[pos] & 0xFF) << 8) | (in[pos + 1] & 0xFF);
    pos += 2;
    return value;
  }

  private int s4() {
    need(4);
    int value =
        ((in[pos] & 0xFF) << 24)
            | ((in[pos + 1] & 0xFF) << 16)
            | ((in[pos + 2] & 0xFF) << 8)
            | (in[pos + 3] & 0xFF);
    pos += 4;
    return value;
  }

  private long s8() {
    long high = s4() & 0xFFFFFFFFL;
    return (high << 32) | (s4() & 0xFFFFFFFFL);
  }

  private int take(int length) {
    int start = pos;
    skip(length);
    return start;
  }

  private void skip(long length) {
    if (length < 0) {
      throw corrupt("a negative length");
    }
    if (length > in.length - pos) {
      throw new Truncated();
    }
    pos += (int) length;
  }

  private void need(int length) {
    if (length > in.length - pos) {
      throw new Truncated();
    }
  }

  /** The stream ends before what it declares. */
  private static final class Truncated extends RuntimeException {
    Truncated() {
      super(null, null, false, false);
    }
  }

  private static SerializationException corrupt(String what) {
    return new SerializationException(what);
  }

  /** Which objects a {@code writeObject} method of the class named at {@code name} hashes. */
  private int hashes(int name, int length) {
    for (byte[] set : HASHES_ALL_NAMES) {
      if (startsWith(name, length, set) && length == set.length) {
        return HASHES_ALL;
      }
    }
    for (byte[] map : HASHES_KEYS_NAMES) {
      if (startsWith(name, length, map) && length == map.length) {
        return HASHES_KEYS;
      }
    }
    return HASHES_NONE;
  }

  /** For an array class, the bytes of a primitive element, or 0 for objects; -1 otherwise. */
  private int arrayElement(int name, int length) {
    if (length < 2 || in[name] != '[') {
      return -1;
    }
    return switch (in[name + 1]) {
      case 'B', 'Z' -> 1;
      case 'C', 'S' -> 2;
      case 'I', 'F' -> 4;
      case 'J', 'D' -> 8;
      case 'L', '[' -> 0;
      default -> throw corrupt("an array class of unknown element type");
    };
  }

  private boolean startsWith(int name, int length, byte[] prefix) {
    return length >= prefix.length
        && Arrays.equals(in, name, name + prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** What the stream says about a class: the layout of its data and the slots above it. */
  private static final class Desc {
    final int flags;
    final int primitiveBytes;
    final int objectFields;
    final Desc superDesc;

    /** This class and its serializable superclasses in the stream. */
    final int chain;

    /** Which objects a {@code writeObject} method of this class writes are hashed when read. */
    final int hashes;

    /** A {@code java.util} class: the collections whose {@code hashCode} walks their members. */
    final boolean jdk;

    /** For an array class, the bytes of a primitive element, or 0 for objects; -1 otherwise. */
    final int arrayElement;

    Desc(
        int flags,
        int primitiveBytes,
        int objectFields,
        Desc superDesc,
        int hashes,
        boolean jdk,
        int arrayElement) {
      this.flags = flags;
      this.primitiveBytes = primitiveBytes;
      this.objectFields = objectFields;
      this.superDesc = superDesc;
      this.chain = superDesc == null ? 1 : superDesc.chain + 1;
      this.hashes = hashes;
      this.jdk = jdk;
      this.arrayElement = arrayElement;
    }
  }
}
