package io.larder.web;

import io.larder.Caches;
import io.larder.web.pagecache.PageCache;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;

/**
 * The {@link Caches} the filters of one web application share: the one the application put in the
 * context attribute {@link PageCache#CACHES_ATTRIBUTE}, else one loaded from the file named by the
 * context parameter {@code larder.config}, else Django's default (local memory). A {@code Caches}
 * made here is closed when the last filter using it is destroyed. The filters web.xml declares with
 * init-params ({@code PageCacheFilter}, {@code WebXmlSessionFilter}) take their caches from here.
 *
 * <pre>{@code
 * Caches caches = ContextCaches.acquire(config.getServletContext()); // in Filter.init
 * ...
 * ContextCaches.release(servletContext);                             // in Filter.destroy
 * }</pre>
 *
 * @since 0.1
 */
public final class ContextCaches {
  /** The context parameter naming a {@code larder.yml} (or {@code .properties}) file. */
  public static final String CONFIG_PARAM = "larder.config";

  private static final String SHARED = "io.larder.web.sharedCaches";

  private ContextCaches() {}

  /**
   * The context's caches, counted as used until {@link #release}.
   *
   * @param context the web application whose caches are wanted
   * @return the caches set as the context's attribute, else those loaded from {@link
   *     #CONFIG_PARAM} (or the defaults when it is not set), shared by every user of the context
   */
  public static Caches acquire(ServletContext context) {
    synchronized (context) {
      Object given = context.getAttribute(PageCache.CACHES_ATTRIBUTE);
      if (given instanceof Caches caches) {
        return caches;
      }
      Shared shared = (Shared) context.getAttribute(SHARED);
      if (shared == null) {
        String config = context.getInitParameter(CONFIG_PARAM);
        Caches caches =
            config == null || config.isBlank() ? Caches.defaults() : Caches.load(Path.of(config));
        shared = new Shared(caches);
        context.setAttribute(SHARED, shared);
      }
      shared.users++;
      return shared.caches;
    }
  }

  /**
   * Ends one use; the last use closes caches this class made.
   *
   * @param context the web application given to {@link #acquire}
   */
  public static void release(ServletContext context) {
    synchronized (context) {
      if (context.getAttribute(SHARED) instanceof Shared shared && --shared.users == 0) {
        context.removeAttribute(SHARED);
        shared.caches.close();
      }
    }
  }

  private static final class Shared {
    final Caches caches;
    int users;

    Shared(Caches caches) {
      this.caches = caches;
    }
  }
}
