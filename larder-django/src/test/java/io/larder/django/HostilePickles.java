package io.larder.django;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Small hostile pickles, shared by the tests and the fuzzers' seed corpora. Each one
 * builds {@code levels} lists, each holding the previous one twice through the memo, so that
 * anything walking it as a tree (hashing it, turning it into a string) does 2^levels steps.
 */
public final class HostilePickles {
  private HostilePickles() {}

  /** The nested shared lists named as a global's module and name: {@code String.valueOf} of them. */
  public static byte[] sharedListsAsGlobalName(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    get(out, levels);
    get(out, levels);
    out.write(0x93); // STACK_GLOBAL
    out.write('.');
    return out.toByteArray();
  }

  /** The nested shared lists as a dict key: hashed when the item is set. */
  public static byte[] sharedListsAsDictKey(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    out.write('}'); // EMPTY_DICT
    get(out, levels);
    out.write('N');
    out.write('s'); // SETITEM
    out.write('.');
    return out.toByteArray();
  }

  /** The nested shared lists as the value of a dict's item {@code None}: never hashed. */
  public static byte[] sharedListsAsDictValue(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    out.write('}'); // EMPTY_DICT
    out.write('N');
    get(out, levels);
    out.write('s'); // SETITEM
    out.write('.');
    return out.toByteArray();
  }

  /** The nested shared lists as a set member: hashed by ADDITEMS. */
  public static byte[] sharedListsInASet(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    out.write(0x8f); // EMPTY_SET
    out.write('(');
    get(out, levels);
    out.write(0x90); // ADDITEMS
    out.write('.');
    return out.toByteArray();
  }

  /** The nested shared lists given to {@code builtins.frozenset(...)}: hashed by the constructor. */
  public static byte[] sharedListsInAFrozensetCall(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    write(out, "cbuiltins\nfrozenset\n((");
    get(out, levels);
    write(out, "ltR.");
    return out.toByteArray();
  }

  /** The nested shared lists given to {@code builtins.set} by OBJ (issue 24). */
  public static byte[] sharedListsInASetByObj(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    write(out, "(cbuiltins\nset\n(");
    get(out, levels);
    write(out, "lo.");
    return out.toByteArray();
  }

  /** The nested shared lists given to {@code builtins.set} by INST (issue 24). */
  public static byte[] sharedListsInASetByInst(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    write(out, "((");
    get(out, levels);
    write(out, "libuiltins\nset\n.");
    return out.toByteArray();
  }

  /** The nested shared lists given to {@code builtins.set} by NEWOBJ_EX (issue 24). */
  public static byte[] sharedListsInASetByNewObjEx(int levels) {
    ByteArrayOutputStream out = sharedLists(levels);
    write(out, "cbuiltins\nset\n((");
    get(out, levels);
    write(out, "lt}\u0092.");
    return out.toByteArray();
  }

  /** {@code depth} lists, each holding the next, as a dict's value (never hashed). */
  public static byte[] nestedLists(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "\u0080\u0004}N");
    write(out, "(".repeat(depth));
    write(out, "l".repeat(depth));
    write(out, "s.");
    return out.toByteArray();
  }

  /** {@code depth} lists, each holding the next, as a dict's key (hashed when the item is set). */
  public static byte[] nestedListsAsDictKey(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "\u0080\u0004}");
    write(out, "(".repeat(depth));
    write(out, "l".repeat(depth));
    write(out, "Ns.");
    return out.toByteArray();
  }

  /**
   * A dict whose {@code keys} keys are each a frozenset of {@code members} integers, one set named
   * again through the memo each time: a few bytes per key, and each key's hash iterates every
   * member.
   */
  public static byte[] oneWideFrozensetAsManyDictKeys(int members, int keys) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "\u0080\u0004}(("); // EMPTY_DICT, SETITEMS' MARK, the frozenset's MARK
    for (int i = 0; i < members; i++) {
      out.write('J'); // BININT
      out.writeBytes(new byte[] {(byte) i, (byte) (i >>> 8), (byte) (i >>> 16), (byte) (i >>> 24)});
    }
    out.write(0x91); // FROZENSET
    out.write(0x94); // MEMOIZE as 0
    write(out, "K\u0000"); // its value: 0
    for (int i = 1; i < keys; i++) {
      write(out, "h\u0000K\u0000");
    }
    write(out, "u."); // SETITEMS
    return out.toByteArray();
  }

  /** A protocol-0 long of {@code digits} decimal digits: parsing it is quadratic. */
  public static byte[] longDecimalInt(int digits) {
    return ("L" + "9".repeat(digits) + "L\n.").getBytes(StandardCharsets.US_ASCII);
  }

  /** A {@code decimal.Decimal} of {@code digits} digits. */
  public static byte[] longDecimal(int digits) {
    return ("cdecimal\nDecimal\n(V" + "9".repeat(digits) + "\ntR.").getBytes(StandardCharsets.US_ASCII);
  }

  private static ByteArrayOutputStream sharedLists(int levels) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80);
    out.write(4);
    out.write(']'); // EMPTY_LIST
    out.write(0x94); // MEMOIZE as 0
    for (int i = 1; i <= levels; i++) {
      out.write('(');
      get(out, i - 1);
      get(out, i - 1);
      out.write('l'); // LIST
      out.write(0x94); // MEMOIZE as i
      out.write('0'); // POP
    }
    return out;
  }

  private static void get(ByteArrayOutputStream out, int index) {
    out.write('h'); // BINGET
    out.write(index);
  }

  private static void write(ByteArrayOutputStream out, String latin1) {
    out.writeBytes(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }
}
