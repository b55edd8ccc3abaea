package io.larder;

import io.larder.compress.Zlib;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * The small hostile values of issue 16, built here so that the tests and the fuzzers' seed corpora
 * use the same bytes: each one hung or killed a reader before the readers were bounded.
 */
public final class HostilePayloads {
  private HostilePayloads() {}

  /**
   * "SerialDOS": {@code levels} of nested {@code HashSet}s sharing their members; about 5.7 KB at
   * 100 levels, and reading it hashes 2^levels sets.
   */
  public static byte[] serialDos(int levels) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < levels; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("foo");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return javaSerialized(root);
  }

  /** A Java stream of a few bytes declaring a {@code long[]} of about 2^31 elements (16 GB). */
  public static byte[] hugeArrayLength() {
    byte[] stream = javaSerialized(new long[] {1, 2, 3});
    // The array's length is the int just before its 3 elements (24 bytes) at the end.
    int at = stream.length - 24 - 4;
    stream[at] = 0x7f;
    stream[at + 1] = (byte) 0xff;
    stream[at + 2] = (byte) 0xff;
    stream[at + 3] = (byte) 0xf0;
    return stream;
  }

  /**
   * {@code depth} lists, each holding the next: written on a thread with a large stack, since
   * writing them nests as deeply as reading does.
   */
  public static byte[] deeplyNested(int depth) {
    List<Object> outer = new ArrayList<>();
    List<Object> innermost = outer;
    for (int i = 0; i < depth; i++) {
      List<Object> next = new ArrayList<>();
      innermost.add(next);
      innermost = next;
    }
    byte[][] result = new byte[1][];
    Thread writer =
        new Thread(null, () -> result[0] = javaSerialized(outer), "deep-writer", 1L << 30);
    writer.start();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return result[0];
  }

  /**
   * A {@code HashSet} whose stream names one list {@code times} times: the list itself once, then
   * back-references to it. The list is {@code levels} lists each holding the previous one twice, so
   * each of the {@code times} hashes the set makes while reading walks 2^levels lists (issue 24:
   * about 5.5 KB and seconds per read at 20 levels and 1,000 times).
   */
  public static byte[] hashSetNamingOneSharedListByBackReference(int levels, int times) {
    List<Object> shared = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      List<Object> next = new ArrayList<>();
      next.add(shared);
      next.add(shared);
      shared = next;
    }
    byte[] once = javaSerialized(new HashSet<>(List.of(shared)));
    // Handles: 0 HashSet's class, 1 the set, 2 ArrayList's class, 3 the shared list.
    byte[] reference = {0x71, 0x00, 0x7e, 0x00, 0x03};
    // HashSet.writeObject: block data of capacity, load factor and size, then the members.
    int size = indexOf(once, new byte[] {0x77, 0x0c}) + 2 + 8;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(once, 0, size);
    out.writeBytes(
        new byte[] {
          (byte) (times >>> 24), (byte) (times >>> 16), (byte) (times >>> 8), (byte) times
        });
    out.write(once, size + 4, once.length - 1 - (size + 4));
    for (int i = 1; i < times; i++) {
      out.writeBytes(reference);
    }
    out.write(0x78); // TC_ENDBLOCKDATA, the set's last byte
    return out.toByteArray();
  }

  /**
   * A {@code HashSet} holding a list of {@code count} lists, each holding the one before it: read
   * only three levels deep, since each list names the one before by back-reference, but hashing the
   * last one recurses {@code count} levels.
   */
  public static byte[] chainOfBackReferencesInAHashSet(int count) {
    List<Object> chain = new ArrayList<>();
    Set<Object> set = new HashSet<>();
    set.add(chain); // hashed while empty: filling it afterwards leaves the set as it is
    List<Object> previous = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Object> next = new ArrayList<>();
      next.add(previous);
      chain.add(next);
      previous = next;
    }
    return javaSerialized(set);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new IllegalStateException("not found");
  }

  /** A zlib stream of {@code megabytes} MiB of zeros: about 1 KB per MiB. */
  public static byte[] zlibBomb(int megabytes) {
    return Zlib.deflate(new byte[megabytes << 20], 9);
  }

  /** A gzip stream of {@code megabytes} MiB of zeros. */
  public static byte[] gzipBomb(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < megabytes; i++) {
        gzip.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code value} in Java serialization. */
  public static byte[] javaSerialized(Object value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
