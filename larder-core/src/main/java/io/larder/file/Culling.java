package io.larder.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Django's file-cache culling — when the directory holds {@code max_entries} files, delete a random
 * {@code 1/cull_frequency} of them (all of them for 0) before writing — without Django's cost of
 * listing the directory on every set. The number of files is tracked as this process adds and
 * removes them, and the directory is listed only when that estimate reaches the bound (and once at
 * the start); the listing corrects for what other processes did.
 */
final class Culling {
  static final String GLOB = "*" + FileBasedStore.SUFFIX;

  private final Path dir;
  private final int maxEntries;
  private final int cullFrequency;
  private final AtomicLong estimate = new AtomicLong(-1);

  Culling(Path dir, int maxEntries, int cullFrequency) {
    this.dir = dir;
    this.maxEntries = maxEntries;
    this.cullFrequency = cullFrequency;
  }

  /** Culls if the directory is full; call before writing a file. */
  void beforeWrite() throws IOException {
    long count = estimate.get();
    if (count >= 0 && count < maxEntries) {
      return;
    }
    synchronized (this) {
      List<Path> files = list();
      long remaining = files.size() >= maxEntries ? cull(files) : files.size();
      estimate.set(remaining);
    }
  }

  void added() {
    estimate.getAndUpdate(n -> n < 0 ? n : n + 1);
  }

  void removed() {
    estimate.getAndUpdate(n -> n <= 0 ? n : n - 1);
  }

  void cleared() {
    estimate.set(0);
  }

  /** Every cache file of the directory; other files are not the cache's. */
  List<Path> list() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, GLOB)) {
      stream.forEach(files::add);
    } catch (NoSuchFileException e) {
      return files;
    }
    return files;
  }

  private long cull(List<Path> files) {
    int toDelete = cullFrequency == 0 ? files.size() : files.size() / cullFrequency;
    Collections.shuffle(files, ThreadLocalRandom.current());
    for (Path file : files.subList(0, toDelete)) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files.size() - toDelete;
  }
}
