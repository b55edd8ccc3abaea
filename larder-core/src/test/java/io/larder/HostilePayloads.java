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
    Thread writer = new Thread(null, () -> result[0] = javaSerialized(outer), "deep-writer", 1L << 30);
    writer.start();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return result[0];
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
