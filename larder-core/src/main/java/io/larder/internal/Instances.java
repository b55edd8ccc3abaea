package io.larder.internal;

import io.larder.CacheException;
import io.larder.CacheSettings;
import io.larder.InvalidConfigurationException;
import java.lang.reflect.InvocationTargetException;

/** Instantiates a class named in configuration, with the alias in every error. */
final class Instances {
  private Instances() {}

  /**
   * A new instance of {@code className}: through a public constructor taking {@code argumentType}
   * if there is one, else the public no-argument constructor. Null if no such class exists.
   */
  static <A> Object create(
      String className, CacheSettings settings, Class<A> argumentType, A argument) {
    Class<?> type = load(className);
    if (type == null) {
      return null;
    }
    try {
      try {
        return type.getConstructor(argumentType).newInstance(argument);
      } catch (NoSuchMethodException e) {
        return type.getConstructor().newInstance();
      }
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof CacheException ce) {
        throw ce;
      }
      throw new InvalidConfigurationException(
          "Cache '" + settings.alias() + "': " + className + " failed to start: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InvalidConfigurationException(
          "Cache '"
              + settings.alias()
              + "': cannot instantiate "
              + className
              + "; it needs a public constructor taking "
              + argumentType.getSimpleName()
              + " or none ("
              + e
              + ")",
          e);
    }
  }

  /** The class named {@code className}, or null if there is none. */
  static Class<?> load(String className) {
    if (className == null || className.isEmpty() || className.indexOf('.') < 0) {
      return null;
    }
    try {
      return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      try {
        return Class.forName(className);
      } catch (ClassNotFoundException | NoClassDefFoundError again) {
        return null;
      }
    }
  }
}
