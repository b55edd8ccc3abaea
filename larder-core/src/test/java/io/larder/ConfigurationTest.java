package io.larder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.dummy.DummyStore;
import io.larder.file.FileBasedStore;
import io.larder.locmem.LocMemStore;
import io.larder.spi.CacheStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  @TempDir Path dir;

  private static Caches from(Map<String, ?> config) {
    return Caches.builder().environment(Map.of()).config(config).build();
  }

  private static Caches fromEnv(Map<String, ?> config, Map<String, String> env) {
    return Caches.builder().environment(env).config(config).build();
  }

  private static Map<String, Object> cache(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  // ------------------------------------------------------------ sources

  @Test
  void noConfigurationGivesALocalMemoryDefault() {
    try (Caches caches = Caches.builder().environment(Map.of()).build()) {
      assertThat(caches.aliases()).containsExactly("default");
      assertThat(caches.getDefault().unwrap(LocMemStore.class)).isNotNull();
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.seconds(300));
      assertThat(caches.getDefault().settings().maxEntries()).isEqualTo(300);
    }
  }

  @Test
  void yamlInDjangosSpellingIsRead() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("larder.yml"),
            """
            CACHES:
              default:
                BACKEND: django.core.cache.backends.locmem.LocMemCache
                LOCATION: yaml-test
                TIMEOUT: 60
                KEY_PREFIX: shop
                VERSION: 3
                OPTIONS:
                  MAX_ENTRIES: 1000
              sessions:
                BACKEND: django.core.cache.backends.filebased.FileBasedCache
                LOCATION: %s
                TIMEOUT: null
            """
                .formatted(dir.resolve("sessions")));
    try (Caches caches = Caches.builder().environment(Map.of()).load(file).build()) {
      CacheSettings settings = caches.getDefault().settings();
      assertThat(settings.location()).isEqualTo("yaml-test");
      assertThat(settings.timeout()).isEqualTo(Timeout.seconds(60));
      assertThat(settings.keyPrefix()).isEqualTo("shop");
      assertThat(settings.version()).isEqualTo(3);
      assertThat(settings.maxEntries()).isEqualTo(1000);
      assertThat(caches.getDefault().makeKey("k")).isEqualTo("shop:3:k");
      assertThat(caches.get("sessions").settings().timeout()).isEqualTo(Timeout.NEVER);
      assertThat(caches.get("sessions").unwrap(FileBasedStore.class)).isNotNull();
    }
  }

  @Test
  void yamlInLowerCaseWithShortNamesIsRead() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("larder.yaml"),
            """
            caches:
              default:
                backend: dummy
                timeout: 2.5
            """);
    try (Caches caches = Caches.builder().environment(Map.of()).load(file).build()) {
      assertThat(caches.getDefault().unwrap(DummyStore.class)).isNotNull();
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.seconds(2.5));
    }
  }

  @Test
  void propertiesAreRead() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("larder.caches.default.backend", "locmem");
    properties.setProperty("larder.caches.default.timeout", "none");
    properties.setProperty("caches.default.options.max_entries", "77");
    properties.setProperty("unrelated.setting", "ignored");
    try (Caches caches = Caches.builder().environment(Map.of()).properties(properties).build()) {
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.NEVER);
      assertThat(caches.getDefault().settings().maxEntries()).isEqualTo(77);
    }
  }

  @Test
  void aPropertiesFileIsRead() throws IOException {
    Path file =
        Files.writeString(dir.resolve("larder.properties"), "caches.default.backend=dummy\n");
    try (Caches caches = Caches.builder().environment(Map.of()).load(file).build()) {
      assertThat(caches.getDefault().unwrap(DummyStore.class)).isNotNull();
    }
  }

  @Test
  void theBuilderDefinesCachesInCode() {
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .cache("default", c -> c.backend("locmem").timeout(Timeout.minutes(5)).keyPrefix("p"))
            .cache("other", c -> c.backend("dummy"))
            .build()) {
      assertThat(caches.aliases()).containsExactly("default", "other");
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.minutes(5));
    }
  }

  @Test
  void theBuilderOverridesAFileSettingBySetting() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("larder.yml"),
            "caches:\n  default:\n    backend: locmem\n    key_prefix: file\n    timeout: 10\n");
    try (Caches caches =
        Caches.builder()
            .environment(Map.of())
            .load(file)
            .cache("default", c -> c.keyPrefix("code"))
            .build()) {
      assertThat(caches.getDefault().settings().keyPrefix()).isEqualTo("code");
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.seconds(10));
    }
  }

  // ------------------------------------------------------------ environment

  @Test
  void environmentVariablesOverrideSettingsAndOptions() {
    Map<String, String> env =
        Map.of(
            "LARDER_CACHES_DEFAULT_TIMEOUT", "42",
            "LARDER_CACHES_DEFAULT_KEY_PREFIX", "env",
            "LARDER_CACHES_DEFAULT_OPTIONS_MAX_ENTRIES", "5",
            "PATH", "/usr/bin");
    try (Caches caches = fromEnv(Map.of("default", cache("BACKEND", "locmem", "TIMEOUT", 1)), env)) {
      CacheSettings settings = caches.getDefault().settings();
      assertThat(settings.timeout()).isEqualTo(Timeout.seconds(42));
      assertThat(settings.keyPrefix()).isEqualTo("env");
      assertThat(settings.maxEntries()).isEqualTo(5);
    }
  }

  @Test
  void environmentVariablesMatchAliasesWithDashesAndDefineNewOnes() {
    Map<String, String> env =
        Map.of(
            "LARDER_CACHES_PAGE_CACHE_KEY_PREFIX", "pages",
            "LARDER_CACHES_EXTRA_BACKEND", "dummy");
    try (Caches caches =
        fromEnv(
            Map.of("default", cache("BACKEND", "locmem"), "page-cache", cache("BACKEND", "locmem")),
            env)) {
      assertThat(caches.get("page-cache").settings().keyPrefix()).isEqualTo("pages");
      assertThat(caches.get("extra").unwrap(DummyStore.class)).isNotNull();
    }
  }

  @Test
  void anEnvironmentVariableNamingNoSettingFails() {
    assertThatThrownBy(
            () -> fromEnv(Map.of(), Map.of("LARDER_CACHES_DEFAULT_TIMEOT", "5")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("LARDER_CACHES_DEFAULT_TIMEOT")
        .hasMessageContaining("TIMEOUT");
  }

  // ------------------------------------------------------------ errors

  @Test
  void anUnknownAliasNamesTheConfiguredOnes() {
    try (Caches caches = from(Map.of("default", cache("BACKEND", "locmem"), "b", cache("BACKEND", "dummy")))) {
      assertThatThrownBy(() -> caches.get("nonexistent"))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("'nonexistent' doesn't exist")
          .hasMessageContaining("default")
          .hasMessageContaining("b");
    }
  }

  @Test
  void aConfigurationWithoutADefaultCacheFails() {
    assertThatThrownBy(() -> from(Map.of("other", cache("BACKEND", "locmem"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'default'");
  }

  @Test
  void aBadTimeoutFailsInsteadOfFallingBackTo300() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "locmem", "TIMEOUT", "abc"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'default'")
        .hasMessageContaining("timeout")
        .hasMessageContaining("'abc'")
        .hasMessageContaining("number of seconds");
  }

  @Test
  void aTimeoutGivenAsTextIsAccepted() {
    try (Caches caches = from(Map.of("default", cache("BACKEND", "locmem", "TIMEOUT", "1")))) {
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.seconds(1));
    }
  }

  @Test
  void anUnknownBackendListsTheAcceptedOnes() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "django.nonexistent.NonexistentBackend"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("backend")
        .hasMessageContaining("django.nonexistent.NonexistentBackend")
        .hasMessageContaining("dummy, filebased, locmem");
  }

  @Test
  void aRedisBackendWithoutItsModuleSaysWhichModuleToAdd() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "django_redis.cache.RedisCache"))))
        .hasMessageContaining("larder-redis");
  }

  @Test
  void aHazelcastBackendWithoutItsModuleSaysWhichModuleToAdd() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "hazelcast"))))
        .hasMessageContaining("larder-hazelcast");
  }

  @Test
  void aMissingBackendFails() {
    assertThatThrownBy(() -> from(Map.of("default", cache("LOCATION", "x"))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("backend");
  }

  @Test
  void anUnknownSettingListsTheSettings() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "locmem", "TIMEOUTS", 5))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("TIMEOUTS")
        .hasMessageContaining("key_prefix");
  }

  @Test
  void anUnknownOptionListsTheBackendsOptions() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "OPTIONS", Map.of("MAX_ENTRIS", 5)))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("options.max_entris")
        .hasMessageContaining("max_entries")
        .hasMessageContaining("store_by_value");
  }

  @Test
  void aBadMaxEntriesFails() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "OPTIONS", Map.of("MAX_ENTRIES", "x")))))
        .hasMessageContaining("options.max_entries")
        .hasMessageContaining("'x'")
        .hasMessageContaining("integer");
  }

  @Test
  void legacyLowerCaseMaxEntriesIsReadAsAnOption() {
    try (Caches caches = from(Map.of("default", cache("BACKEND", "locmem", "max_entries", 12)))) {
      assertThat(caches.getDefault().settings().maxEntries()).isEqualTo(12);
    }
  }

  @Test
  void aBadVersionFails() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "locmem", "VERSION", "two"))))
        .hasMessageContaining("version")
        .hasMessageContaining("an integer");
  }

  @Test
  void aBadSerializerListsTheAcceptedOnes() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "OPTIONS", Map.of("serializer", "yaml")))))
        .hasMessageContaining("options.serializer")
        .hasMessageContaining("java");
  }

  @Test
  void aBadCompressorListsTheAcceptedOnes() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "OPTIONS", Map.of("compressor", "brotli")))))
        .hasMessageContaining("options.compressor")
        .hasMessageContaining("zlib, gzip");
  }

  @Test
  void aDjangoRedisJsonSerializerNamesLarderFormatsWhenItIsMissing() {
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "default",
                        cache(
                            "BACKEND",
                            "locmem",
                            "OPTIONS",
                            Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer")))))
        .hasMessageContaining("options.serializer")
        .hasMessageContaining("io.larder:larder-formats");
  }

  @Test
  void jsonTypedNamesLarderFormatsWhenItIsMissing() {
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "default",
                        cache("BACKEND", "locmem", "OPTIONS", Map.of("serializer", "json_typed")))))
        .hasMessageContaining("options.serializer")
        .hasMessageContaining("io.larder:larder-formats");
  }

  @Test
  void aDjangoRedisCompressorOfLarderFormatsNamesThatModuleWhenItIsMissing() {
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        "default",
                        cache(
                            "BACKEND",
                            "locmem",
                            "OPTIONS",
                            Map.of("COMPRESSOR", "django_redis.compressors.lz4.Lz4Compressor")))))
        .hasMessageContaining("options.compressor")
        .hasMessageContaining("django_redis.compressors.lz4.Lz4Compressor")
        .hasMessageContaining("io.larder:larder-formats");
  }

  @Test
  void aBadBooleanOptionFails() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "OPTIONS", Map.of("ignore_exceptions", "yes please")))))
        .hasMessageContaining("options.ignore_exceptions")
        .hasMessageContaining("true or false");
  }

  @Test
  void theFileBackendNeedsALocation() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "filebased"))))
        .hasMessageContaining("location")
        .hasMessageContaining("directory");
  }

  @Test
  void invalidYamlIsReportedWithItsFile() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yml"), "caches: [unclosed");
    assertThatThrownBy(() -> Caches.builder().environment(Map.of()).load(file).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("bad.yml");
  }

  @Test
  void yamlWithoutACachesKeySaysWhereToPutThem() throws IOException {
    Path file = Files.writeString(dir.resolve("flat.yml"), "default:\n  backend: locmem\n");
    assertThatThrownBy(() -> Caches.builder().environment(Map.of()).load(file).build())
        .hasMessageContaining("'caches'");
  }

  @Test
  void yamlCannotInstantiateArbitraryTypes() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("evil.yml"),
            "caches: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
    assertThatThrownBy(() -> Caches.builder().environment(Map.of()).load(file).build())
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @Test
  void aFileWithCachesButNoAliasesSaysSoAndWhatToDo() throws IOException {
    Path file = Files.writeString(dir.resolve("larder.yml"), "caches:\n");
    assertThatThrownBy(() -> Caches.load(file))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("'caches:' with no aliases under it")
        .hasMessageContaining("'default'");
  }

  @Test
  void anEnvironmentVariableAloneAdjustsTheDefaultCache() {
    try (Caches caches =
        Caches.builder().environment(Map.of("LARDER_CACHES_DEFAULT_TIMEOUT", "42")).build()) {
      assertThat(caches.getDefault().settings().backend()).isEqualTo("locmem");
      assertThat(caches.getDefault().settings().timeout()).isEqualTo(Timeout.seconds(42));
    }
  }

  @Test
  void aTimeoutBeyondWhatATimeoutHoldsIsAClearError() {
    assertThatThrownBy(
            () -> from(Map.of("default", cache("BACKEND", "locmem", "TIMEOUT", Long.MAX_VALUE))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("292 years");
  }

  @Test
  void aConfigFileWithAnotherExtensionIsRejected() throws IOException {
    Path file = Files.writeString(dir.resolve("larder.json"), "{}");
    assertThatThrownBy(() -> Caches.load(file)).hasMessageContaining(".yml");
  }

  // ------------------------------------------------------------ key functions and custom backends

  @Test
  void aKeyFunctionIsNamedByClass() {
    try (Caches caches =
        from(Map.of("default", cache("BACKEND", "locmem", "KEY_FUNCTION", UpperKeys.class.getName())))) {
      assertThat(caches.getDefault().makeKey("k")).isEqualTo("K:1:");
    }
  }

  @Test
  void aKeyFunctionClassThatIsNotOneFails() {
    assertThatThrownBy(() -> from(Map.of("default", cache("BACKEND", "locmem", "KEY_FUNCTION", "java.lang.String"))))
        .hasMessageContaining("key_function")
        .hasMessageContaining("KeyFunction");
  }

  public static final class UpperKeys implements KeyFunction {
    @Override
    public String makeKey(String key, String keyPrefix, int version) {
      return key.toUpperCase() + ":" + version + ":" + keyPrefix;
    }
  }

  @Test
  void aCustomBackendIsNamedByClass() {
    try (Caches caches =
        from(Map.of("default", cache("BACKEND", MapCache.class.getName(), "OPTIONS", Map.of("anything", 1))))) {
      Cache cache = caches.getDefault();
      cache.set("k", "v");
      assertThat((String) cache.get("k")).isEqualTo("v");
      assertThat(cache.unwrap(MapCache.class)).isNotNull();
    }
  }

  /** The smallest possible backend, as the CacheStore Javadoc shows it. */
  public static final class MapCache implements CacheStore {
    private final Map<String, Object> map = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Object load(String key) {
      return map.getOrDefault(key, MISSING);
    }

    @Override
    public void store(String key, Object value, Timeout timeout) {
      map.put(key, value);
    }

    @Override
    public boolean storeIfAbsent(String key, Object value, Timeout timeout) {
      return map.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean expire(String key, Timeout timeout) {
      return map.containsKey(key);
    }

    @Override
    public boolean remove(String key) {
      return map.remove(key) != null;
    }

    @Override
    public void removeAll() {
      map.clear();
    }
  }

  @Test
  void locationListsAreKeptAndStringsAreSplitAsDjangoDoes() {
    try (Caches caches =
        from(Map.of(
            "default", cache("BACKEND", "locmem", "LOCATION", "server1.tld;server2:11211"),
            "list", cache("BACKEND", "dummy", "LOCATION", List.of("a:1", "b:2"))))) {
      assertThat(caches.getDefault().settings().locations()).containsExactly("server1.tld", "server2:11211");
      assertThat(caches.get("list").settings().locations()).containsExactly("a:1", "b:2");
    }
  }

  @Test
  void passwordsInLocationsAreNotPrinted() {
    try (Caches caches =
        from(Map.of("default", cache("BACKEND", "dummy", "LOCATION", "redis://user:s3cret@host:6379/1")))) {
      assertThat(caches.getDefault().settings().toString()).doesNotContain("s3cret").contains("user:***@host");
    }
  }
}
