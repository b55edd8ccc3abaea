package io.larder.django;

import io.larder.DisallowedClassException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.objects.ByteArrayConstructor;
import net.razorvine.pickle.objects.ClassDictConstructor;
import net.razorvine.pickle.objects.SetConstructor;

/**
 * The Python globals a pickle may name, and what each becomes in Java. A pickle can call any
 * global it names, so this is an allow-list: the value types Django caches, and nothing that runs
 * code. Modules or globals listed in {@code options.serializer_allow} are read as plain data
 * ({@link net.razorvine.pickle.objects.ClassDict}: a map of the object's attributes plus its
 * {@code __class__}); everything else is refused.
 */
final class PythonGlobals {
  private static final Map<String, IObjectConstructor> BUILT_IN = builtIn();

  private final List<String> allowed;

  PythonGlobals(List<String> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * What {@code module.name} constructs.
   *
   * @throws DisallowedClassException if the global is not allowed
   */
  IObjectConstructor constructor(String module, String name) {
    String global = module + "." + name;
    IObjectConstructor constructor = BUILT_IN.get(global);
    if (constructor != null) {
      return constructor;
    }
    for (String entry : allowed) {
      if (global.equals(entry) || global.startsWith(entry + ".")) {
        return new ClassDictConstructor(module, name);
      }
    }
    throw new DisallowedClassException(
        global,
        "the pickle serializer reads only Python's value types (None, bool, int, float, str,"
            + " bytes, list, tuple, dict, set, Decimal, datetime, date, time, timedelta, Django's"
            + " SafeString); add"
            + " the module or global to options.serializer_allow to read it as a map of its"
            + " attributes");
  }

  private static Map<String, IObjectConstructor> builtIn() {
    Map<String, IObjectConstructor> globals = new LinkedHashMap<>();
    SetConstructor set = new SetConstructor();
    ByteArrayConstructor bytes = new ByteArrayConstructor();
    for (String builtins : List.of("builtins", "__builtin__")) {
      globals.put(builtins + ".set", set);
      globals.put(builtins + ".frozenset", set);
      globals.put(builtins + ".bytearray", bytes);
    }
    globals.put("builtins.bytes", bytes);
    // Python 3 pickles bytes under protocols 0-2 as _codecs.encode(latin-1 text, 'latin1').
    globals.put("_codecs.encode", bytes);
    globals.put("builtins.getattr", PythonTimeZones.GETATTR);
    globals.put("decimal.Decimal", PythonGlobals::decimal);
    globals.put("collections.OrderedDict", args -> new LinkedHashMap<>());
    globals.put("datetime.datetime", PythonDateTimes.DATETIME);
    globals.put("datetime.date", PythonDateTimes.DATE);
    globals.put("datetime.time", PythonDateTimes.TIME);
    globals.put("datetime.timedelta", PythonDateTimes.TIMEDELTA);
    globals.put("datetime.timezone", PythonTimeZones.TIMEZONE);
    globals.put("pytz._UTC", PythonTimeZones.PYTZ_UTC);
    globals.put("pytz._p", PythonTimeZones.PYTZ);
    globals.put("zoneinfo.ZoneInfo", PythonTimeZones.ZONEINFO);
    // Django's rendered templates and {% cache %} fragments: a str marked safe, text to Java.
    globals.put("django.utils.safestring.SafeString", PythonGlobals::safeString);
    return Map.copyOf(globals);
  }

  private static Object safeString(Object[] args) {
    if (args.length == 1 && args[0] instanceof String text) {
      return text;
    }
    throw new PickleException("django.utils.safestring.SafeString needs its text");
  }

  private static Object decimal(Object[] args) {
    if (args.length == 1 && args[0] instanceof String text) {
      if (text.length() > AllowListUnpickler.MAX_DIGITS + 16) {
        throw new PickleException(
            "a Decimal of more than " + AllowListUnpickler.MAX_DIGITS + " digits");
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new PickleException("the Decimal " + text + " has no BigDecimal equivalent");
      }
    }
    throw new PickleException("decimal.Decimal needs its text");
  }
}
