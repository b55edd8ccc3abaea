package io.larder.web.headers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code @vary_on_headers(...)} (and, with {@code "Cookie"}, {@code @vary_on_cookie}) on a
 * servlet class: its responses vary on these request headers, through a {@link
 * VaryOnHeadersFilter}. Applied by {@code io.larder.web.AnnotatedServlets}; with {@code
 * io.larder.web.pagecache.CachedView} the page cache keeps one copy per value of each header.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VaryOnHeaders {
  /**
   * The request header names, e.g. {@code {"Accept-Language", "Cookie"}}.
   *
   * @return the names, added to {@code Vary} in order
   */
  String[] value();
}
