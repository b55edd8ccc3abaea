package io.larder.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The start-up report for a {@code larder.*} duration that is not one: it names the property, the
 * value and what is accepted, as Larder's own settings errors do. Spring's report names the first
 * two only.
 *
 * <pre>
 * Description: larder.web.page-cache.cache-timeout is 'soon'; accepted: a number of seconds (600),
 * or a number with a unit (600s, 10m, 2h, 1d, 500ms), or ISO-8601 (PT10M).
 * </pre>
 */
class DurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {
  /** What a {@code larder.*} duration accepts, for messages and docs. */
  static final String ACCEPTED =
      "a number of seconds (600), or a number with a unit (600s, 10m, 2h, 1d, 500ms), or ISO-8601"
          + " (PT10M)";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    ConfigurationProperty property = cause.getProperty();
    if (property == null
        || !property.getName().toString().startsWith("larder.")
        || cause.getTarget().getType().resolve() != Duration.class) {
      return null;
    }
    String description =
        property.getName()
            + " is '"
            + property.getValue()
            + "'"
            + (property.getOrigin() == null ? "" : " (from " + property.getOrigin() + ")")
            + "; accepted: "
            + ACCEPTED
            + ".";
    return new FailureAnalysis(
        description, "Set " + property.getName() + " to a duration, e.g. 600 or 10m.", cause);
  }
}
