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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@code /actuator/health/larder}: one indicator per cache whose data lives on a server (Redis,
 * memcached, a database), named by its alias; UP with no components when every cache is in this
 * process or on its disk. Switched off with {@code
 * management.health.larder.enabled=false}.
 *
 * @since 0.1
 */
@AutoConfiguration(after = LarderAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Caches.class)
@ConditionalOnEnabledHealthIndicator("larder")
public class LarderHealthAutoConfiguration {
  /**
   * One health indicator per cache whose data lives outside this process (every backend but the
   * local ones such as locmem and dummy), each reporting DOWN when its server fails or does not
   * answer within {@code larder.health.timeout}; UP when every cache is in this process.
   *
   * @param caches the application's caches
   * @param properties where {@code larder.health.timeout} is read
   * @return the {@code larder} health contributor
   */
  @Bean
  @ConditionalOnMissingBean(name = "larderHealthContributor")
  public HealthContributor larderHealthContributor(
      Caches caches, LarderProperties properties) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    for (String alias : caches.aliases()) {
      Cache cache = caches.get(alias);
      if (RemoteCacheHealth.isRemote(cache)) {
        indicators.put(alias, new RemoteCacheHealth(cache, properties.getHealth().getTimeout()));
      }
    }
    if (indicators.isEmpty()) {
      // An empty composite would read UNKNOWN; caches in this process are as healthy as it is.
      HealthIndicator local = () -> Health.up().withDetail("remote caches", 0).build();
      return local;
    }
    return CompositeHealthContributor.fromMap(indicators);
  }
}
