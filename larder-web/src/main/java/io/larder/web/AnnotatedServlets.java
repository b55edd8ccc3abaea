package io.larder.web;

import io.larder.web.headers.CacheControl;
import io.larder.web.headers.CacheControlFilter;
import io.larder.web.headers.NeverCache;
import io.larder.web.headers.NeverCacheFilter;
import io.larder.web.headers.VaryOnHeaders;
import io.larder.web.headers.VaryOnHeadersFilter;
import io.larder.web.pagecache.CachedView;
import io.larder.web.pagecache.PageCache;
import io.larder.web.pagecache.PageCacheFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link CachedView}, {@link CacheControl}, {@link VaryOnHeaders} and {@link NeverCache}
 * found on servlet classes: for each servlet registered with such a class, it maps the matching
 * filters to that servlet's name, the page cache first so that it sees the headers the others add
 * (the order of Django's stacked decorators, {@code @cache_page} outermost). The filters read their
 * caches when they start, so an application may still put its {@code Caches} in the context (see
 * {@link PageCache#CACHES_ATTRIBUTE}) from a listener.
 *
 * <p>Servlet containers find this initializer through {@code
 * META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * @since 0.1
 */
@HandlesTypes({CachedView.class, CacheControl.class, VaryOnHeaders.class, NeverCache.class})
public final class AnnotatedServlets implements ServletContainerInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(AnnotatedServlets.class);
  private static final EnumSet<DispatcherType> REQUEST = EnumSet.of(DispatcherType.REQUEST);

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    if (classes == null) {
      return;
    }
    for (Class<?> type : classes) {
      List<String> servlets = servletsOf(type, context);
      if (servlets.isEmpty()) {
        LOG.warn(
            "{} carries Larder cache annotations but no servlet is registered with it yet;"
                + " they are not applied",
            type.getName());
        continue;
      }
      for (String servlet : servlets) {
        apply(type, servlet, context);
      }
    }
  }

  private static void apply(Class<?> type, String servlet, ServletContext context) {
    CachedView page = type.getAnnotation(CachedView.class);
    if (page != null) {
      FilterRegistration.Dynamic filter =
          add(context, servlet, "page-cache", PageCacheFilter.class);
      filter.setInitParameter("page-timeout", Long.toString(page.seconds()));
      filter.setInitParameter("cache-alias", page.cache());
      filter.setInitParameter("key-prefix", page.keyPrefix());
    }
    CacheControl control = type.getAnnotation(CacheControl.class);
    if (control != null) {
      add(context, servlet, "cache-control", CacheControlFilter.class)
          .setInitParameter("directives", control.value());
    }
    VaryOnHeaders vary = type.getAnnotation(VaryOnHeaders.class);
    if (vary != null) {
      add(context, servlet, "vary-on-headers", VaryOnHeadersFilter.class)
          .setInitParameter("headers", String.join(", ", vary.value()));
    }
    if (type.isAnnotationPresent(NeverCache.class)) {
      add(context, servlet, "never-cache", NeverCacheFilter.class);
    }
  }

  private static FilterRegistration.Dynamic add(
      ServletContext context, String servlet, String what, Class<? extends Filter> filter) {
    String name = "larder-" + what + ":" + servlet;
    FilterRegistration.Dynamic registration = context.addFilter(name, filter);
    if (registration == null) {
      throw new IllegalStateException("A filter named '" + name + "' is already registered");
    }
    registration.addMappingForServletNames(REQUEST, true, servlet);
    return registration;
  }

  private static List<String> servletsOf(Class<?> type, ServletContext context) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, ? extends ServletRegistration> e :
        context.getServletRegistrations().entrySet()) {
      if (type.getName().equals(e.getValue().getClassName())) {
        names.add(e.getKey());
      }
    }
    return names;
  }
}
