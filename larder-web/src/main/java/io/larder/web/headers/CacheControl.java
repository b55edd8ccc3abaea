package io.larder.web.headers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code @cache_control(...)} on a servlet class: its responses get these directives
 * merged into {@code Cache-Control} through a {@link CacheControlFilter}. Applied by {@code
 * io.larder.web.AnnotatedServlets}.
 *
 * <pre>{@code
 * @CacheControl("public, max-age=3600")
 * public class LogoServlet extends HttpServlet { ... }
 * }</pre>
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CacheControl {
  /**
   * The directives, in header form, e.g. {@code "private, max-age=60"}.
   *
   * @return the directives, as {@link CacheDirectives#parse(String)} reads them
   */
  String value();
}
