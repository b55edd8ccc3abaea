package io.larder.internal;

import io.larder.InvalidCacheKeyException;
import io.larder.KeyFunction;
import io.larder.spi.Keys;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's {@code make_and_validate_key}: the cache's key function, then memcached's key rules,
 * which a store either enforces ({@link InvalidCacheKeyException}) or only warns about, as Django
 * does. A warned key is logged once per key per {@link OncePerKey#INTERVAL_MILLIS} (Python shows a
 * warning once per place it is raised from; a log line per call would flood the log of an
 * application that uses one bad key on every request).
 *
 * <p>Speed: with Django's key function at the configured version the key is the precomputed
 * {@code "prefix:version:"} head joined to the caller's key, one {@code concat} instead of a
 * formatted join of three parts and an integer. (Remembering hot keys' made keys was tried and
 * measured slower: see docs/benchmarks.md.)
 */
final class KeyMaker {
  private static final Logger log = LoggerFactory.getLogger(KeyMaker.class);

  private final String alias;
  private final KeyFunction function;
  private final String prefix;
  private final int version;
  private final String head;
  private final boolean rejectsInvalid;
  private final OncePerKey warned;

  KeyMaker(
      String alias,
      KeyFunction function,
      String prefix,
      int version,
      boolean rejectsInvalid,
      InstantSource clock) {
    this.alias = alias;
    this.function = function;
    this.prefix = prefix;
    this.version = version;
    String djangoHead = function.makeKey("", prefix, version);
    // The head is checked once here, so a made key's check scans only the caller's part.
    this.head =
        function == KeyFunction.django() && KeyRules.isValid(djangoHead) ? djangoHead : null;
    this.rejectsInvalid = rejectsInvalid;
    this.warned = new OncePerKey(clock);
  }

  /** The validated made key of {@code key} at {@code atVersion}. */
  String make(String key, int atVersion) {
    if (key == null) {
      throw new InvalidCacheKeyException("Cache key must not be null");
    }
    if (head != null && atVersion == version) {
      String made = head.concat(key);
      if (!KeyRules.isValid(head, key)) {
        report(made);
      }
      return made;
    }
    String made = function.makeKey(key, prefix, atVersion);
    if (!KeyRules.isValid(made)) {
      report(made);
    }
    return made;
  }

  private void report(String made) {
    if (rejectsInvalid) {
      throw new InvalidCacheKeyException(KeyRules.problems(made).get(0));
    }
    if (!warned.due(made)) {
      return;
    }
    for (String problem : KeyRules.problems(made)) {
      log.warn("Cache '{}': {}", alias, problem);
    }
  }

  /** These keys at {@code atVersion}, for a store's extensions. */
  Keys at(int atVersion) {
    return new Keys() {
      @Override
      public String make(String key) {
        return KeyMaker.this.make(key, atVersion);
      }

      @Override
      public int version() {
        return atVersion;
      }
    };
  }
}
