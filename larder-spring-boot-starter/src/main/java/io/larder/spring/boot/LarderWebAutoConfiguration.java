package io.larder.spring.boot;

import io.larder.Caches;
import io.larder.InvalidConfigurationException;
import io.larder.web.WebSetting;
import io.larder.web.pagecache.PageCache;
import io.larder.web.pagecache.PageCacheSettings;
import io.larder.web.session.SessionFilter;
import io.larder.web.session.SessionSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The page cache and session filters of larder-web, each when its {@code enabled} property is set.
 *
 * <p>The page cache answers a hit before the filters after it run, so it runs after access control,
 * as Django's {@code FetchFromCacheMiddleware} runs after its authentication middleware: after
 * Spring Security's filter chain (order -100 by default), and after the session filter, which runs
 * before Spring Security (as Spring Session's does) so that Spring Security keeps its context in
 * Larder's sessions. The page cache still sees the {@code Vary: Cookie} of the session filter
 * around it, through the request's {@code VaryRecord}. An order set ahead of Spring Security's
 * fails at start-up; a page cache registered by hand ahead of it neither serves nor stores pages
 * and says so ({@code docs/spring.md}, "Filter order").
 *
 * @since 0.1
 */
@AutoConfiguration(after = LarderAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({PageCache.class, Filter.class, FilterRegistrationBean.class})
public class LarderWebAutoConfiguration {
  /**
   * The page cache's place in the filter chain by default ({@code larder.web.page-cache.order}):
   * after every filter Spring Boot and Spring Security order, so that a hit skips none of them. A
   * filter bean without an order ({@link Ordered#LOWEST_PRECEDENCE}) runs inside it, and not on a
   * hit.
   */
  public static final int PAGE_CACHE_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  /** The session filter's place: before Spring Security, at Spring Session's order. */
  public static final int SESSIONS_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  /** The name Spring Boot registers Spring Security's filter chain under. */
  static final String SECURITY_FILTER_NAME = "springSecurityFilterChain";

  /**
   * The page cache filter, with {@code larder.web.page-cache.enabled: true}, on the request
   * dispatch of {@code url-patterns}, at {@code order}.
   *
   * @param caches the caches pages are stored in
   * @param properties where {@code larder.web.page-cache.*} is read
   * @param delegatingFilters the filter registrations, among them Spring Security's chain, which
   *     the page cache must run after
   * @return the filter's registration
   * @throws IllegalStateException if the order puts the page cache ahead of Spring Security
   */
  @Bean
  @ConditionalOnProperty(name = "larder.web.page-cache.enabled", havingValue = "true")
  public FilterRegistrationBean<Filter> larderPageCacheFilter(
      Caches caches,
      LarderProperties properties,
      ObjectProvider<DelegatingFilterProxyRegistrationBean> delegatingFilters) {
    LarderProperties.PageCache settings = properties.getWeb().getPageCache();
    requireAfterSecurity(settings.getOrder(), delegatingFilters);
    PageCache pages =
        PageCacheSettings.build(caches, settings.settings(), complaint("larder.web.page-cache."));
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(pages.filter());
    registration.setName("larderPageCache");
    registration.setUrlPatterns(settings.getUrlPatterns());
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(settings.getOrder());
    return registration;
  }

  /**
   * The session filter, with {@code larder.web.sessions.enabled: true}, on the request dispatch
   * of {@code url-patterns}, ahead of Spring Security ({@link #SESSIONS_ORDER}).
   *
   * @param caches the caches sessions are stored in
   * @param properties where {@code larder.web.sessions.*} is read
   * @return the filter's registration
   */
  @Bean
  @ConditionalOnProperty(name = "larder.web.sessions.enabled", havingValue = "true")
  public FilterRegistrationBean<SessionFilter> larderSessionFilter(
      Caches caches, LarderProperties properties) {
    LarderProperties.Sessions settings = properties.getWeb().getSessions();
    SessionFilter sessions =
        new SessionFilter(
            caches, SessionSettings.from(settings.settings(), complaint("larder.web.sessions.")));
    FilterRegistrationBean<SessionFilter> registration = new FilterRegistrationBean<>(sessions);
    registration.setName("larderSessions");
    registration.setUrlPatterns(settings.getUrlPatterns());
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(SESSIONS_ORDER);
    return registration;
  }

  /**
   * A wrong value's error, naming the property under {@code prefix}, the value and what is
   * accepted.
   */
  private static WebSetting.Complaint complaint(String prefix) {
    return (name, value, accepted) ->
        new InvalidConfigurationException(
            prefix
                + WebSetting.kebab(name)
                + " is "
                + (value instanceof String ? "'" + value + "'" : String.valueOf(value))
                + "; accepted: "
                + accepted);
  }

  /** Fails start-up if the page cache would run ahead of Spring Security's filter chain. */
  private static void requireAfterSecurity(
      int order, ObjectProvider<DelegatingFilterProxyRegistrationBean> delegatingFilters) {
    for (DelegatingFilterProxyRegistrationBean filter : delegatingFilters) {
      if (SECURITY_FILTER_NAME.equals(filter.getFilterName()) && order <= filter.getOrder()) {
        throw new IllegalStateException(
            "larder.web.page-cache.order is "
                + order
                + ", not after Spring Security's filter chain (order "
                + filter.getOrder()
                + "): a cached page would be served before access control. Accepted: an order"
                + " above "
                + filter.getOrder()
                + " (by default "
                + PAGE_CACHE_ORDER
                + ").");
      }
    }
  }
}
