package io.larder.file;

import io.larder.BackendUnavailableException;
import io.larder.CacheSettings;
import io.larder.DisallowedClassException;
import io.larder.InvalidConfigurationException;
import io.larder.SerializationException;
import io.larder.Timeout;
import io.larder.compress.Zlib;
import io.larder.spi.Md5;
import io.larder.spi.CacheStore;
import io.larder.spi.Increments;
import io.larder.spi.StoreContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.DataFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code FileBasedCache}, file for file: one file per key in the {@code location}
 * directory, named {@code md5(made key).djcache}, holding a pickled expiry and the zlib-compressed
 * serialized value. With the {@code pickle} serializer a Django app reads what Larder writes and the
 * other way round.
 *
 * <p>Better than Django where Django is weak: files are written to a temporary file and renamed,
 * so a reader never sees half a file; an expired, empty, truncated or corrupt file is a miss and is
 * removed, never an exception; {@code add}, {@code incr} and {@code touch} are atomic among threads
 * and Java processes, and {@code incr} keeps the key's expiry; and culling does not list the whole
 * directory on every set.
 *
 * @since 0.1
 */
public final class FileBasedStore implements CacheStore {
  /** The suffix of cache files; other files in the directory are left alone. */
  public static final String SUFFIX = ".djcache";

  private static final Logger log = LoggerFactory.getLogger(FileBasedStore.class);
  private static final int HEADER_BYTES = 64;
  private static final FileAttribute<?>[] OWNER_ONLY =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
          ? new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
          }
          : new FileAttribute<?>[0];

  private final StoreContext context;
  private final Path dir;
  private final FileLocks locks;
  private final Culling culling;

  FileBasedStore(StoreContext context) {
    this.context = context;
    CacheSettings settings = context.settings();
    if (settings.location().isEmpty()) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(), "location", "", "the path of a directory, e.g. /var/tmp/larder");
    }
    Path configured = Path.of(settings.location());
    if (!configured.isAbsolute()) {
      log.warn(
          "Cache '{}': location {} is relative; use an absolute path",
          context.alias(),
          settings.displayLocation());
    }
    this.dir = configured.toAbsolutePath().normalize();
    try {
      Directories.create(dir);
    } catch (IOException e) {
      throw InvalidConfigurationException.badSetting(
          settings.alias(),
          "location",
          settings.location(),
          "a directory this process can create and write (" + e + ")");
    }
    this.locks = new FileLocks(dir);
    this.culling = new Culling(dir, settings.maxEntries(), settings.cullFrequency());
  }

  /**
   * The directory the cache files are in.
   *
   * @return the cache's directory, its {@code LOCATION}
   */
  public Path directory() {
    return dir;
  }

  /**
   * The file that holds {@code madeKey}: {@code md5(madeKey).djcache}, as Django names it.
   *
   * @param madeKey a key made by the cache's key function, e.g. {@code :1:greeting}
   * @return the path of the file, which may not exist
   */
  public Path fileFor(String madeKey) {
    return dir.resolve(Md5.hex(madeKey) + SUFFIX);
  }

  // ---------------------------------------------------------------- primitives

  @Override
  public Object load(String key) {
    Path file = fileFor(key);
    byte[] content = read(file, -1);
    return content == null ? MISSING : decode(file, content);
  }

  @Override
  public boolean contains(String key) {
    Path file = fileFor(key);
    byte[] start = read(file, HEADER_BYTES);
    return start != null && liveHeader(file, start) != null;
  }

  @Override
  public Timeout timeToLive(String key) {
    Path file = fileFor(key);
    byte[] start = read(file, HEADER_BYTES);
    CacheFile.Header header = start == null ? null : liveHeader(file, start);
    if (header == null) {
      return null;
    }
    if (header.expiresAt() == CacheFile.NEVER) {
      return Timeout.NEVER;
    }
    long left = (long) Math.floor(header.expiresAt() * 1000) - context.nowMillis();
    return left > 0 ? Timeout.millis(left) : null;
  }

  @Override
  public void store(String key, Object value, Timeout timeout) {
    byte[] compressed = compress(value);
    Path file = fileFor(key);
    io(
        file,
        () -> {
          if (timeout.isExpired()) {
            delete(file);
          } else {
            culling.beforeWrite();
            locks.withLock(file.getFileName().toString(), () -> write(file, content(timeout, compressed)));
          }
          return null;
        });
  }

  @Override
  public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
    byte[] compressed = compress(value);
    Path file = fileFor(key);
    return io(
        file,
        () -> {
          culling.beforeWrite();
          return locks.withLock(
              file.getFileName().toString(),
              () -> {
                byte[] start = read(file, HEADER_BYTES);
                if (start != null && liveHeader(file, start) != null) {
                  return false;
                }
                if (!timeout.isExpired()) {
                  write(file, content(timeout, compressed));
                }
                return true;
              });
        });
  }

  @Override
  public boolean expire(String key, Timeout timeout) {
    return rewriteLocked(
        key,
        (file, content) -> {
          CacheFile.Header header = content == null ? null : liveHeader(file, content);
          if (header == null) {
            return false;
          }
          if (timeout.isExpired()) {
            delete(file);
          } else {
            byte[] compressed = new byte[content.length - header.valueOffset()];
            System.arraycopy(content, header.valueOffset(), compressed, 0, compressed.length);
            write(file, content(timeout, compressed));
          }
          return true;
        });
  }

  @Override
  public boolean remove(String key) {
    Path file = fileFor(key);
    return io(file, () -> delete(file));
  }

  @Override
  public void removeAll() {
    io(
        dir,
        () -> {
          for (Path file : culling.list()) {
            Files.deleteIfExists(file);
          }
          culling.cleared();
          return null;
        });
  }

  /** Atomic and keeps the expiry, unlike Django's read-then-set with the default timeout. */
  @Override
  public Object increment(String key, long delta, Timeout defaultTimeout) {
    return rewriteLocked(
        key,
        (file, content) -> {
          Object current = content == null ? MISSING : decode(file, content);
          if (current == MISSING) {
            return MISSING;
          }
          Object sum = Increments.add(key, current, delta);
          double expiresAt = CacheFile.header(content, content.length).expiresAt();
          write(file, CacheFile.content(expiresAt, compress(sum)));
          return sum;
        });
  }


  // ---------------------------------------------------------------- files

  private byte[] compress(Object value) {
    return Zlib.deflate(context.serializer().serialize(value), Zlib.DEFAULT_LEVEL);
  }

  private byte[] content(Timeout timeout, byte[] compressed) {
    double expiresAt =
        timeout.isNever() ? CacheFile.NEVER : context.expiresAtMillis(timeout) / 1000.0;
    return CacheFile.content(expiresAt, compressed);
  }

  /** The value of a file's content, or MISSING (and the file removed) if expired or corrupt. */
  private Object decode(Path file, byte[] content) {
    CacheFile.Header header = liveHeader(file, content);
    if (header == null) {
      return MISSING;
    }
    try {
      byte[] serialized =
          Zlib.inflate(
              content,
              header.valueOffset(),
              content.length - header.valueOffset(),
              context.maxValueSize());
      return context.serializer().deserialize(serialized);
    } catch (DisallowedClassException e) {
      throw e;
    } catch (DataFormatException | SerializationException e) {
      discardCorrupt(file, e.getMessage());
      return MISSING;
    }
  }

  /** The header of an unexpired file; null (and the file removed) if expired, empty or corrupt. */
  private CacheFile.Header liveHeader(Path file, byte[] content) {
    try {
      CacheFile.Header header = CacheFile.header(content, content.length);
      if (!header.isExpiredAt(context.nowMillis() / 1000.0)) {
        return header;
      }
      deleteQuietly(file);
    } catch (CorruptCacheFileException e) {
      if (content.length == 0) {
        deleteQuietly(file);
      } else {
        discardCorrupt(file, e.getMessage());
      }
    }
    return null;
  }

  /** Counts and reports a file that cannot be read, and removes it (not what a link points to). */
  private void discardCorrupt(Path file, String why) {
    context.corruptRead(file.toString(), new CorruptCacheFileException(why + "; removed"));
    deleteQuietly(file);
  }

  /**
   * The first {@code length} bytes of {@code file}, or all of it when {@code length} is -1; null if
   * it does not exist, or (removed, and counted as a corrupt read) if it is not a regular file or
   * is over {@code options.max_value_size}.
   */
  private byte[] read(Path file, int length) {
    try {
      return length < 0
          ? CacheFileReader.readAll(file, context.maxValueSize() + HEADER_BYTES)
          : CacheFileReader.readStart(file, length);
    } catch (CorruptCacheFileException e) {
      discardCorrupt(file, e.getMessage());
      return null;
    } catch (IOException e) {
      throw unavailable("read " + file, e);
    }
  }

  /** Writes a temporary file in the directory and renames it over {@code file}: never half a file. */
  private Void write(Path file, byte[] content) throws IOException {
    boolean isNew = !Files.exists(file);
    Path temp = createTemp();
    try {
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
        out.write(content);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    if (isNew) {
      culling.added();
    }
    return null;
  }

  private Path createTemp() throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("tmp" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
      try {
        return Files.createFile(temp, OWNER_ONLY);
      } catch (NoSuchFileException e) {
        if (attempt > 0) {
          throw e;
        }
        // The directory was removed under us: Django recreates it on every set, and so do we.
        Directories.create(dir);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // A 64-bit name collision: try another.
      }
    }
  }

  private boolean delete(Path file) throws IOException {
    boolean deleted = Files.deleteIfExists(file);
    if (deleted) {
      culling.removed();
    }
    return deleted;
  }

  private void deleteQuietly(Path file) {
    try {
      delete(file);
    } catch (IOException e) {
      log.warn("Cache '{}': cannot remove {}: {}", context.alias(), file, e.toString());
    }
  }

  /** A read-modify-write of one file: its whole content, or null when there is none. */
  private interface Rewrite<T> {
    T run(Path file, byte[] content) throws IOException;
  }

  /** Runs {@code rewrite} on the content of {@code key}'s file, read under the file's lock. */
  private <T> T rewriteLocked(String key, Rewrite<T> rewrite) {
    Path file = fileFor(key);
    return io(
        file,
        () -> locks.withLock(file.getFileName().toString(), () -> rewrite.run(file, read(file, -1))));
  }

  private interface IoCall<T> {
    T run() throws IOException;
  }

  private <T> T io(Path file, IoCall<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw unavailable("write " + file, e);
    } catch (java.io.UncheckedIOException e) {
      throw unavailable("cull " + dir, e.getCause());
    }
  }

  private BackendUnavailableException unavailable(String what, IOException e) {
    return new BackendUnavailableException(
        "Cache '" + context.alias() + "' cannot " + what + ": " + e, e);
  }

}
