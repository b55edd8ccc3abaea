package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Every {@code java.time.Duration} of {@link LarderProperties}, found by walking the class: a bare
 * number is seconds, as Django's settings and {@code server.servlet.session.timeout} read it, and
 * Spring's suffixed and ISO-8601 forms mean the same.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurationPropertiesTest {
  @Configuration
  @Import(LarderAutoConfiguration.class)
  static class Application {}

  /** The kebab-case names of every Duration property under {@code larder.}. */
  static Stream<String> durationProperties() throws Exception {
    List<String> names = new ArrayList<>();
    collect(LarderProperties.class, "larder", names);
    return names.stream();
  }

  private static void collect(Class<?> type, String prefix, List<String> names) throws Exception {
    for (PropertyDescriptor property : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
      Class<?> propertyType = property.getPropertyType();
      String name = prefix + "." + kebab(property.getName());
      if (propertyType == Duration.class) {
        names.add(name);
      } else if (propertyType != null
          && propertyType.getEnclosingClass() == LarderProperties.class
          && !propertyType.isEnum()) {
        collect(propertyType, name, names);
      }
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
  }

  private static Duration bind(String property, String value) {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(property, value)));
    LarderProperties properties =
        binder.bindOrCreate("larder", Bindable.of(LarderProperties.class));
    Object target = properties;
    String[] path = property.substring("larder.".length()).split("\\.");
    try {
      for (String part : path) {
        for (PropertyDescriptor descriptor :
            Introspector.getBeanInfo(target.getClass()).getPropertyDescriptors()) {
          if (kebab(descriptor.getName()).equals(part)) {
            target = descriptor.getReadMethod().invoke(target);
            break;
          }
        }
      }
    } catch (ReflectiveOperationException | java.beans.IntrospectionException e) {
      throw new AssertionError(e);
    }
    return (Duration) target;
  }

  @Test
  void theWalkFindsTheKnownDurations() throws Exception {
    assertThat(durationProperties())
        .contains(
            "larder.web.page-cache.cache-timeout",
            "larder.web.sessions.cookie-age",
            "larder.health.timeout");
  }

  @ParameterizedTest
  @MethodSource("durationProperties")
  void aBareNumberIsSeconds(String property) {
    assertThat(bind(property, "600")).isEqualTo(Duration.ofSeconds(600));
  }

  @ParameterizedTest
  @MethodSource("durationProperties")
  void aSuffixedValueAndAnIsoValueMeanTheSameSeconds(String property) {
    assertThat(bind(property, "600s")).isEqualTo(Duration.ofSeconds(600));
    assertThat(bind(property, "10m")).isEqualTo(Duration.ofSeconds(600));
    assertThat(bind(property, "PT10M")).isEqualTo(Duration.ofSeconds(600));
  }

  @ParameterizedTest
  @MethodSource("durationProperties")
  void aWrongValueFailsNamingThePropertyTheValueAndWhatIsAccepted(String property) {
    assertThatThrownBy(() -> bind(property, "soon"))
        .isInstanceOfSatisfying(
            BindException.class,
            e -> {
              FailureAnalysis analysis = new DurationFailureAnalyzer().analyze(e);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains(property)
                  .contains("'soon'")
                  .contains("a number of seconds")
                  .contains("10m")
                  .contains("PT10M");
            });
  }

  @Test
  void anApplicationWithAWrongDurationFailsToStartSayingWhatIsAccepted(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(Application.class)
                    .web(WebApplicationType.NONE)
                    .properties("larder.health.timeout=soon", "spring.main.banner-mode=off")
                    .run()
                    .close())
        .isInstanceOf(RuntimeException.class);
    assertThat(output.toString())
        .contains("larder.health.timeout is 'soon'")
        .contains("accepted: " + DurationFailureAnalyzer.ACCEPTED);
  }
}
