package io.larder.spring.boot;

import io.larder.Caches;
import io.larder.web.pagecache.PageCache;
import io.larder.web.session.SessionFilter;
import io.larder.web.session.SessionSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The page cache and session filters of larder-web, each when its {@code enabled} property is set.
 * The page cache runs first, as Django puts {@code UpdateCacheMiddleware} before {@code
 * SessionMiddleware}, so it sees the {@code Vary: Cookie} the session filter adds.
 *
 * @since 0.1
 */
@AutoConfiguration(after = LarderAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({PageCache.class, Filter.class, FilterRegistrationBean.class})
public class LarderWebAutoConfiguration {
  /** The page cache's place in the filter chain: early, so that hits skip the rest. */
  public static final int PAGE_CACHE_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  /** The session filter's place: just inside the page cache. */
  public static final int SESSIONS_ORDER = PAGE_CACHE_ORDER + 10;

  @Bean
  @ConditionalOnProperty(name = "larder.web.page-cache.enabled", havingValue = "true")
  public FilterRegistrationBean<Filter> larderPageCacheFilter(
      Caches caches, LarderProperties properties) {
    LarderProperties.PageCache settings = properties.getWeb().getPageCache();
    PageCache.Builder pages =
        PageCache.builder(caches.get(settings.getCacheAlias()))
            .cacheTimeout(settings.getCacheTimeout())
            .keyPrefix(settings.getKeyPrefix())
            .maxPageBytes(settings.getMaxPageBytes())
            .etags(settings.isEtags())
            .coalesceMisses(settings.isCoalesceMisses());
    if (settings.getPageTimeout() != null) {
      pages.pageTimeout(settings.getPageTimeout());
    }
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(pages.build().filter());
    registration.setName("larderPageCache");
    registration.setUrlPatterns(settings.getUrlPatterns());
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(PAGE_CACHE_ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnProperty(name = "larder.web.sessions.enabled", havingValue = "true")
  public FilterRegistrationBean<SessionFilter> larderSessionFilter(
      Caches caches, LarderProperties properties) {
    LarderProperties.Sessions settings = properties.getWeb().getSessions();
    SessionFilter sessions = new SessionFilter(caches, SessionSettings.from(settings.settings()));
    FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(sessions);
    registration.setName("larderSessions");
    registration.setUrlPatterns(settings.getUrlPatterns());
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SESSIONS_ORDER);
    return registration;
  }
}
