package io.larder.web.pagecache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Django's {@code @cache_page} on a servlet class: every servlet registered with this class is put
 * behind a page cache with this page timeout, cache alias and key prefix.
 *
 * <pre>{@code
 * @WebServlet("/reports/*")
 * @CachedView(seconds = 900, cache = "pages", keyPrefix = "reports")
 * public class ReportServlet extends HttpServlet { ... }
 * }</pre>
 *
 * <p>Applied by {@code io.larder.web.AnnotatedServlets} when the container starts the application
 * (any Servlet 6 container scans for it; embedded Jetty needs {@code
 * context.addServletContainerInitializer(new AnnotatedServlets(), ReportServlet.class)}). The page
 * timeout wins over the response's {@code max-age}, as in Django.
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CachedView {
  /**
   * How long every response is kept, in seconds; 0 stores nothing and marks the responses {@code
   * max-age=0} with {@code Expires} now, as {@code cache_page(0)} does.
   *
   * @return the page timeout in seconds, 0 or more
   */
  long seconds();

  /**
   * The alias of the cache pages are stored in.
   *
   * @return a configured cache alias; {@code default} unless given
   */
  String cache() default "default";

  /**
   * The page-key prefix: {@code cache_page(key_prefix=)}.
   *
   * @return the prefix; empty (no prefix) unless given
   */
  String keyPrefix() default "";
}
