package io.larder.spring.boot;

import io.larder.Cache;
import io.larder.Caches;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@code /actuator/health/larder}: one indicator per cache whose data lives on a server (Redis,
 * memcached, a database), named by its alias. Switched off with {@code
 * management.health.larder.enabled=false}.
 */
@AutoConfiguration(after = LarderAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Caches.class)
@ConditionalOnEnabledHealthIndicator("larder")
public class LarderHealthAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(name = "larderHealthContributor")
  public CompositeHealthContributor larderHealthContributor(
      Caches caches, LarderProperties properties) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    for (String alias : caches.aliases()) {
      Cache cache = caches.get(alias);
      if (RemoteCacheHealth.isRemote(cache)) {
        indicators.put(alias, new RemoteCacheHealth(cache, properties.getHealth().getTimeout()));
      }
    }
    return CompositeHealthContributor.fromMap(indicators);
  }
}
