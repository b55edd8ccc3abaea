package io.larder.internal;

import io.larder.InvalidConfigurationException;
import io.larder.spi.CacheBackend;
import io.larder.spi.CacheStore;
import io.larder.spi.StoreContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/** The backends on the class path, by short name and by Django dotted path. */
public final class Backends {
  private final Map<String, CacheBackend> byName = new LinkedHashMap<>();
  private final Set<String> shortNames = new TreeSet<>();

  public Backends() {
    for (CacheBackend backend : ServiceLoader.load(CacheBackend.class)) {
      shortNames.add(backend.name());
      byName.putIfAbsent(backend.name(), backend);
      backend.aliases().forEach(alias -> byName.putIfAbsent(alias, backend));
    }
  }

  /**
   * The backend {@code name} selects: a short name, a Django dotted path, or the class name of a
   * {@link CacheBackend} or of a {@link CacheStore} (made with its {@link StoreContext}
   * constructor).
   */
  public CacheBackend find(String alias, String name) {
    CacheBackend backend = byName.get(name);
    if (backend != null) {
      return backend;
    }
    Class<?> type = Instances.load(name);
    if (type != null && CacheBackend.class.isAssignableFrom(type)) {
      try {
        return (CacheBackend) type.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw InvalidConfigurationException.badSetting(
            alias, "backend", name, "a CacheBackend with a public no-argument constructor");
      }
    }
    if (type != null && CacheStore.class.isAssignableFrom(type)) {
      return new CustomBackend(name);
    }
    throw InvalidConfigurationException.badSetting(alias, "backend", name, accepted(name));
  }

  private String accepted(String name) {
    String hint = "";
    if (name.contains("redis")) {
      hint = " (the Redis backend needs larder-redis on the class path)";
    } else if (name.contains("memcache") || name.contains("MemCache")) {
      hint = " (the Memcached backend needs larder-memcached on the class path)";
    } else if (name.toLowerCase(Locale.ROOT).contains("hazelcast")) {
      hint = " (the Hazelcast backend needs larder-hazelcast on the class path)";
    } else if (name.contains(".db.") || name.equals("db")) {
      hint = " (the database backend needs larder-jdbc on the class path)";
    }
    return String.join(", ", shortNames)
        + ", a Django backend path such as django.core.cache.backends.locmem.LocMemCache,"
        + " or the class name of a CacheBackend or CacheStore"
        + hint;
  }

  /** A {@link CacheStore} named in configuration, made by its {@link StoreContext} constructor. */
  private record CustomBackend(String className) implements CacheBackend {
    @Override
    public String name() {
      return className;
    }

    @Override
    public CacheStore create(StoreContext context) {
      return (CacheStore) Instances.create(className, context.settings(), StoreContext.class, context);
    }

    @Override
    public boolean acceptsAnyOption() {
      return true;
    }
  }
}
