package io.larder.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.InvalidConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An application whose class path holds the Lettuce Spring Boot 4.0's BOM manages (6.8) gets a
 * start-up error naming that version, the one larder-redis needs and the property to pin: checked
 * with the real Lettuce 6.8 jar (copied by the build into target/old-lettuce) in a class loader of
 * its own, beside larder-redis's and larder-core's classes.
 */
class LettuceVersionTest {
  private static final Path OLD_LETTUCE = Path.of("target", "old-lettuce", "lettuce-core-old.jar");

  @Test
  void theLettuceOfTheBuildIsAccepted() {
    assertThat(LettuceVersion.found(LettuceVersionTest.class.getClassLoader())).startsWith("7.");
    assertThatCode(LettuceVersion::require).doesNotThrowAnyException();
  }

  @Test
  void aClassPathWithLettuce68FailsNamingBothVersionsAndThePropertyToPin() throws Exception {
    assertThat(OLD_LETTUCE).exists();
    URL[] classPath = {
      OLD_LETTUCE.toUri().toURL(),
      location(LettuceVersion.class),
      location(InvalidConfigurationException.class)
    };
    try (URLClassLoader application =
        new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
      Class<?> check = application.loadClass(LettuceVersion.class.getName());
      assertThat(check.getClassLoader()).isSameAs(application);
      var require = check.getDeclaredMethod("require");
      require.setAccessible(true);

      assertThatThrownBy(() -> require.invoke(null))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .hasMessageContaining("Lettuce 6.8.")
          .hasMessageContaining("needs Lettuce 7.0 or newer")
          .hasMessageContaining("lettuce.version");
    }
  }

  @Test
  void aRepackagedLettuceThatDoesNotSayItsVersionPasses() {
    assertThatCode(() -> LettuceVersion.require(null)).doesNotThrowAnyException();
  }

  private static URL location(Class<?> type) throws Exception {
    URL url = type.getProtectionDomain().getCodeSource().getLocation();
    assertThat(Files.exists(Path.of(url.toURI()))).isTrue();
    return url;
  }
}
