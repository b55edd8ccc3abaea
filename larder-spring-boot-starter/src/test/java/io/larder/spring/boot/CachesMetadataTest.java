package io.larder.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.larder.spi.CacheBackend;
import io.larder.spi.CommonOptions;
import io.larder.spi.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code larder.caches} hints of the starter's additional-spring-configuration-metadata.json
 * are made from the backends' declarations (every backend module is on this test's class path): the
 * backend names and, for the options map, every option with the backends that read it. The keys
 * themselves ({@code backend}, {@code location}, {@code timeout}, {@code key-prefix}, {@code
 * version}, {@code key-function}, {@code options}) come from {@link LarderProperties.Cache}.
 * Rewrite the file with {@code -Dlarder.docs.write=true}.
 */
class CachesMetadataTest {
  private static final Path FILE =
      Path.of(
          "src", "main", "resources", "META-INF", "additional-spring-configuration-metadata.json");
  private static final String CACHES = "larder.caches.";

  /** The hints as the declarations make them. */
  static List<Map<String, Object>> declaredHints() {
    List<CacheBackend> backends = new ArrayList<>();
    ServiceLoader.load(CacheBackend.class).forEach(backends::add);
    backends.sort(Comparator.comparing(CacheBackend::name));
    List<Map<String, Object>> names = new ArrayList<>();
    Map<String, List<String>> readers = new TreeMap<>();
    Map<String, String> meanings = new TreeMap<>();
    for (Option<?> option : CommonOptions.all()) {
      readers.computeIfAbsent(option.name(), n -> new ArrayList<>()).add("every backend");
      meanings.putIfAbsent(option.name(), option.meaning());
    }
    for (CacheBackend backend : backends) {
      names.add(
          value(
              backend.name(),
              "Larder's "
                  + backend.name()
                  + " backend; also "
                  + String.join(", ", new TreeSet<>(backend.aliases()))));
      for (Option<?> option : backend.options()) {
        readers.computeIfAbsent(option.name(), n -> new ArrayList<>()).add(backend.name());
        meanings.putIfAbsent(option.name(), option.meaning());
      }
    }
    List<Map<String, Object>> options = new ArrayList<>();
    readers.forEach(
        (name, by) ->
            options.add(value(name, "(" + String.join(", ", by) + ") " + meanings.get(name))));
    return List.of(
        hint(
            CACHES + "keys",
            List.of(value("default", "The alias Django and Larder use by default."))),
        hint(CACHES + "values.backend", names),
        hint(CACHES + "values.options.keys", options));
  }

  private static Map<String, Object> hint(String name, List<Map<String, Object>> values) {
    Map<String, Object> hint = new LinkedHashMap<>();
    hint.put("name", name);
    hint.put("values", values);
    return hint;
  }

  private static Map<String, Object> value(String value, String description) {
    Map<String, Object> hint = new LinkedHashMap<>();
    hint.put("value", value);
    hint.put("description", description);
    return hint;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCachesHintsAreTheBackendsDeclarations() throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> metadata =
        json.readValue(Files.readString(FILE, StandardCharsets.UTF_8), LinkedHashMap.class);
    List<Map<String, Object>> hints = (List<Map<String, Object>>) metadata.get("hints");
    List<Map<String, Object>> documented =
        hints.stream().filter(h -> String.valueOf(h.get("name")).startsWith(CACHES)).toList();
    if (Boolean.getBoolean("larder.docs.write")) {
      List<Map<String, Object>> rewritten =
          new ArrayList<>(
              hints.stream()
                  .filter(h -> !String.valueOf(h.get("name")).startsWith(CACHES))
                  .toList());
      rewritten.addAll(declaredHints());
      metadata.put("hints", rewritten);
      Files.writeString(FILE, json.writeValueAsString(metadata) + "\n", StandardCharsets.UTF_8);
      return;
    }
    assertThat(documented)
        .as("the larder.caches hints of %s (rewrite with -Dlarder.docs.write=true)", FILE)
        .isEqualTo(declaredHints());
  }

  @Test
  void theHintsNameEveryBackend() {
    assertThat(declaredHints().get(1).toString())
        .contains("locmem", "filebased", "db", "memcached", "redis", "hazelcast", "dummy", "chain");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProcessorDescribesLarderCachesAsTypedAliases() throws Exception {
    Path generated = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");
    Map<String, Object> metadata =
        new ObjectMapper()
            .readValue(Files.readString(generated, StandardCharsets.UTF_8), LinkedHashMap.class);
    assertThat((List<Map<String, Object>>) metadata.get("properties"))
        .anySatisfy(
            property -> {
              assertThat(property.get("name")).isEqualTo("larder.caches");
              assertThat(property.get("type"))
                  .isEqualTo(
                      "java.util.Map<java.lang.String,"
                          + "io.larder.spring.boot.LarderProperties$Cache>");
            });
    assertThat(
            java.util.Arrays.stream(
                    java.beans.Introspector.getBeanInfo(LarderProperties.Cache.class, Object.class)
                        .getPropertyDescriptors())
                .map(p -> BoundSettings.kebab(p.getName())))
        .containsExactlyInAnyOrder(
            "backend", "location", "timeout", "key-prefix", "version", "key-function", "options");
  }
}
