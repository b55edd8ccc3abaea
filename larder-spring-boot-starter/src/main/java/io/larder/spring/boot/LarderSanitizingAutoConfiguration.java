package io.larder.spring.boot;

import io.larder.spi.PasswordRedaction;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Larder's settings as Actuator's {@code configprops} and {@code env} endpoints show them (when
 * their values are shown at all, {@code management.endpoint.*.show-values}): a location or URL with
 * its password hidden by the same rule as every other place a location is shown ({@code
 * redis://u:***@host}), and a {@code larder.*} password or secret hidden entirely.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class LarderSanitizingAutoConfiguration {
  /**
   * Hides the passwords in {@code larder.*} locations and URLs, and every {@code larder.*}
   * password or secret, in Actuator's endpoints; other keys pass through unchanged.
   *
   * @return the sanitizing function Actuator applies to each property it shows
   */
  @Bean
  @ConditionalOnMissingBean(name = "larderSanitizingFunction")
  public SanitizingFunction larderSanitizingFunction() {
    return LarderSanitizingAutoConfiguration::sanitize;
  }

  private static SanitizableData sanitize(SanitizableData data) {
    String key = data.getLowerCaseKey();
    if (key == null || !key.startsWith("larder.")) {
      return data;
    }
    if (key.contains("password") || key.contains("secret")) {
      return data.withSanitizedValue();
    }
    if (data.getValue() instanceof String text) {
      String shown = PasswordRedaction.apply(text);
      return shown.equals(text) ? data : data.withValue(shown);
    }
    return data;
  }
}
