package io.larder.file;

/** A {@code .djcache} file that is not in Django's format: read as a miss, then removed. */
final class CorruptCacheFileException extends RuntimeException {
  CorruptCacheFileException(String message) {
    super(message, null, false, false);
  }
}
