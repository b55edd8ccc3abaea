package io.larder.spring.boot;

import io.larder.Caches;
import io.larder.FragmentKeys;
import io.larder.thymeleaf.FragmentCacheDialect;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.TemplateEngine;

/**
 * Thymeleaf's {@code larder:cache} attribute: the dialect is a bean, and Spring Boot's Thymeleaf
 * auto-configuration adds every dialect bean to its template engine.
 *
 * @since 0.1
 */
@AutoConfiguration(
    after = LarderAutoConfiguration.class,
    beforeName = "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration")
@ConditionalOnClass({FragmentCacheDialect.class, TemplateEngine.class})
public class LarderThymeleafAutoConfiguration {
  /**
   * The {@code larder:cache} attribute for Thymeleaf templates, keyed in the format of {@code
   * larder.fragments.key-format}.
   *
   * @param caches the caches fragments are stored in
   * @param properties where {@code larder.fragments.key-format} is read
   * @return the dialect Spring Boot's Thymeleaf auto-configuration adds to its template engine
   */
  @Bean
  @ConditionalOnMissingBean
  public FragmentCacheDialect larderFragmentCacheDialect(
      Caches caches, LarderProperties properties) {
    FragmentKeys keys =
        properties.getFragments().getKeyFormat() == LarderProperties.KeyFormat.DJANGO_6_0
            ? FragmentKeys.DJANGO_6_0
            : FragmentKeys.CURRENT;
    return new FragmentCacheDialect(caches, keys);
  }
}
