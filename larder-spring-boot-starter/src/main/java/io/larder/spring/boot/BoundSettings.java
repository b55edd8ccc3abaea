package io.larder.spring.boot;

import io.larder.web.WebSetting;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values a web feature's {@code larder.web.*} properties hold, as the feature's settings map:
 * each property that is set, by its kebab-case name, leaving out those that only register the
 * filter. Read from the properties class itself, so that a property added there reaches the feature
 * without a line here; tests check that every declared setting has its property.
 */
final class BoundSettings {
  private BoundSettings() {}

  /**
   * {@code properties}' set values by kebab-case name, without {@code registration} (the properties
   * that place the filter, not settings of the feature).
   */
  static Map<String, Object> of(Object properties, String... registration) {
    Set<String> skipped = Set.of(registration);
    Map<String, Object> settings = new LinkedHashMap<>();
    try {
      for (PropertyDescriptor property :
          Introspector.getBeanInfo(properties.getClass(), Object.class).getPropertyDescriptors()) {
        String name = kebab(property.getName());
        if (skipped.contains(name) || property.getReadMethod() == null) {
          continue;
        }
        Object value = property.getReadMethod().invoke(properties);
        if (value != null) {
          settings.put(name, value);
        }
      }
    } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + properties.getClass().getName(), e);
    }
    return settings;
  }

  /** {@code cookieAge} as {@code cookie-age}, as Spring Boot spells a property. */
  static String kebab(String camelCase) {
    return WebSetting.kebab(camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2"));
  }
}
