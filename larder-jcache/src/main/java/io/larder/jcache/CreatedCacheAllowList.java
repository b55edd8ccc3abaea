package io.larder.jcache;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The packages the {@code java} serializer of a created cache may instantiate, beyond the JDK's
 * value packages: the template alias's {@code serializer_allow}, then the default that lets
 * Hibernate's second-level cache and Spring's {@code @Cacheable} run without tuning:
 *
 * <ul>
 *   <li>{@link #HIBERNATE_PACKAGES}: the entries Hibernate ORM caches (entity and collection
 *       entries, the read-write strategy's items and soft locks, query results);
 *   <li>the package of the JPA entity ({@code @jakarta.persistence.Entity}) a cache is named after,
 *       found in the manager's class loader: Hibernate names an entity's region after its class
 *       ({@code com.example.shop.Book}) and a collection's after its role ({@code
 *       com.example.shop.Book.chapters}), and an entry holds the entity's own values (an enum, an
 *       embeddable's parts) of the application's classes. A name that is no entity's adds
 *       nothing;
 *   <li>{@link #SPRING_PACKAGES}: Spring's marker for a cached null ({@code @Cacheable} through
 *       Spring's JCache support).
 * </ul>
 *
 * Any other class is refused on reading, as by every Larder cache.
 */
final class CreatedCacheAllowList {
  /** Hibernate ORM's cache entry packages (its data classes only; nothing there runs code). */
  static final List<String> HIBERNATE_PACKAGES =
      List.of(
          "org.hibernate.cache.spi.entry",
          "org.hibernate.cache.spi.support",
          "org.hibernate.cache.internal");

  /** Spring's {@code NullValue}, what Spring's {@code JCacheCache} stores for a null result. */
  static final List<String> SPRING_PACKAGES = List.of("org.springframework.cache.support");

  private static final String ENTITY = "jakarta.persistence.Entity";

  private CreatedCacheAllowList() {}

  /** The allow-list of the cache {@code name} created on {@code template}'s settings. */
  static List<String> of(String name, CacheSettings template, ClassLoader classLoader) {
    Set<String> packages =
        new LinkedHashSet<>(CommonOptions.SERIALIZER_ALLOW.from(template));
    packages.addAll(HIBERNATE_PACKAGES);
    packages.addAll(SPRING_PACKAGES);
    String namedClass = namedClassPackage(name, classLoader);
    if (namedClass != null) {
      packages.add(namedClass);
    }
    return List.copyOf(packages);
  }

  /**
   * The package of the entity class {@code name}, or {@code name} less its last part (a
   * collection's role); null if neither is an entity.
   */
  private static String namedClassPackage(String name, ClassLoader classLoader) {
    String candidate = name;
    for (int tries = 0; tries < 2 && candidate.indexOf('.') > 0; tries++) {
      Class<?> type = loaded(candidate, classLoader);
      if (type != null && isEntity(type) && !type.getPackageName().isEmpty()) {
        return type.getPackageName();
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('.'));
    }
    return null;
  }

  /** The class, not initialised (no static code runs); null if there is none of that name. */
  private static Class<?> loaded(String name, ClassLoader classLoader) {
    try {
      return Class.forName(name, false, classLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static boolean isEntity(Class<?> type) {
    for (Annotation annotation : type.getDeclaredAnnotations()) {
      if (annotation.annotationType().getName().equals(ENTITY)) {
        return true;
      }
    }
    return false;
  }
}
