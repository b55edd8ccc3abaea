package io.larder.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads cache files that anyone able to write the directory may have planted: only regular files,
 * never through a symbolic link, and never more than a limit. A FIFO would block the reader until
 * a writer came; a link to {@code /dev/zero} would feed it forever; a huge file would fill the heap.
 * Such a file is a {@link CorruptCacheFileException}.
 */
final class CacheFileReader {
  private CacheFileReader() {}

  /**
   * The whole of {@code file}, or null if it does not exist.
   *
   * @throws CorruptCacheFileException if it is not a regular file or is over {@code maxSize} bytes
   */
  static byte[] readAll(Path file, int maxSize) throws IOException {
    BasicFileAttributes attributes = regularFile(file);
    if (attributes == null) {
      return null;
    }
    if (attributes.size() > maxSize) {
      throw new CorruptCacheFileException(
          "the file has "
              + attributes.size()
              + " bytes, over options.max_value_size ("
              + maxSize
              + ")");
    }
    byte[] content = read(file, maxSize + 1);
    if (content != null && content.length > maxSize) {
      throw new CorruptCacheFileException("the file grew over options.max_value_size while read");
    }
    return content;
  }

  /**
   * The first {@code length} bytes of {@code file} (fewer if it is shorter), or null if it does not
   * exist.
   *
   * @throws CorruptCacheFileException if it is not a regular file
   */
  static byte[] readStart(Path file, int length) throws IOException {
    return regularFile(file) == null ? null : read(file, length);
  }

  /** The file's attributes, or null if it does not exist; refuses anything but a regular file. */
  private static BasicFileAttributes regularFile(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (!attributes.isRegularFile()) {
      throw new CorruptCacheFileException(
          "not a regular file (" + (attributes.isSymbolicLink() ? "a symbolic link" : "a device,"
              + " FIFO, socket or directory") + ")");
    }
    return attributes;
  }

  private static byte[] read(Path file, int limit) throws IOException {
    // NOFOLLOW_LINKS again: the file may have been swapped for a link since it was checked.
    try (InputStream in =
        Channels.newInputStream(
            Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      return in.readNBytes(limit);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
