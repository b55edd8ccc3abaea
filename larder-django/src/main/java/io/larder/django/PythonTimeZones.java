package io.larder.django;

import io.larder.DisallowedClassException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;

/**
 * Python's tzinfo objects as {@link ZoneId}s: {@code datetime.timezone} (fixed offsets, what
 * Django 4+ and Python's own {@code timezone.utc} use), pytz's zones (Django 3.2's default) and
 * {@code zoneinfo.ZoneInfo}.
 */
final class PythonTimeZones {
  /** {@code datetime.timezone(timedelta[, name])}. */
  static final IObjectConstructor TIMEZONE =
      args -> {
        if (args.length >= 1 && args[0] instanceof Duration offset) {
          return ZoneOffset.ofTotalSeconds((int) offset.getSeconds());
        }
        throw new PickleException("datetime.timezone needs a timedelta offset");
      };

  /** {@code pytz._UTC()}: pytz's UTC singleton. */
  static final IObjectConstructor PYTZ_UTC = args -> ZoneOffset.UTC;

  /**
   * {@code pytz._p(zone[, utcoffset, dst, tzname])}: a localized pytz zone carries the offset it
   * was localized to, which is the one to keep; a static zone only its name.
   */
  static final IObjectConstructor PYTZ =
      args -> {
        if (args.length >= 2 && args[1] instanceof Number utcOffset) {
          return ZoneOffset.ofTotalSeconds(utcOffset.intValue());
        }
        if (args.length >= 1 && args[0] instanceof String zone) {
          return ZoneId.of(zone);
        }
        throw new PickleException("pytz._p needs a zone name");
      };

  /** {@code zoneinfo.ZoneInfo(key)}, and the class that {@code ZoneInfo._unpickle} hangs off. */
  static final IObjectConstructor ZONEINFO = PythonTimeZones::zoneInfo;

  /**
   * {@code builtins.getattr}, which Python uses to pickle the class method {@code
   * ZoneInfo._unpickle}; that is the only attribute it may fetch.
   */
  static final IObjectConstructor GETATTR =
      args -> {
        if (args.length == 2 && args[0] == ZONEINFO && "_unpickle".equals(args[1])) {
          // ZoneInfo._unpickle(key, from_cache) makes the same zone as ZoneInfo(key).
          return ZONEINFO;
        }
        throw new DisallowedClassException(
            "builtins.getattr", "the pickle fetches an attribute other than ZoneInfo._unpickle");
      };

  private PythonTimeZones() {}

  private static Object zoneInfo(Object[] args) {
    if (args.length >= 1 && args[0] instanceof String key) {
      return ZoneId.of(key);
    }
    throw new PickleException("zoneinfo.ZoneInfo needs a zone key");
  }
}
