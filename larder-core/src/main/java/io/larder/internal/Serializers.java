package io.larder.internal;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Serializer;
import io.larder.spi.SerializerProvider;
import java.util.HashSet;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** Finds the serializer a cache's {@code options.serializer} names. */
final class Serializers {
  static final String DEFAULT = "java";
  /** django-redis's and Django's RedisCache's pickle serializers, accepted as {@code pickle}. */
  private static final Set<String> DJANGO_PICKLE =
      Set.of(
          "django_redis.serializers.pickle.PickleSerializer",
          "django.core.cache.backends.redis.RedisSerializer");

  /** The serializers larder-formats provides, named so that their absence can be explained. */
  private static final Set<String> FORMATS =
      Set.of(
          "json",
          "django_redis.serializers.json.JSONSerializer",
          "json_typed",
          "msgpack",
          "django_redis.serializers.msgpack.MSGPackSerializer");

  private Serializers() {}

  static Serializer create(CacheSettings settings) {
    String name = CommonOptions.SERIALIZER.from(settings);
    if (DJANGO_PICKLE.contains(name)) {
      // A Django app's OPTIONS can be used as they are.
      name = "pickle";
    }
    if (name.equals(DEFAULT)) {
      return new JavaSerializer(settings.alias(), CommonOptions.SERIALIZER_ALLOW.from(settings));
    }
    SerializerProvider provider = providers().get(name);
    if (provider == null && FORMATS.contains(name)) {
      throw CommonOptions.SERIALIZER.invalid(
          settings,
          name,
          "this serializer needs the io.larder:larder-formats module on the class path");
    }
    if (provider == null) {
      provider = byClassName(settings, name);
    }
    return provider.create(settings);
  }

  /** The option names the installed serializers read beyond {@link #OPTIONS}. */
  static Set<String> providerOptions() {
    Set<String> names = new HashSet<>();
    providers().values().forEach(p -> names.addAll(p.options()));
    return names;
  }

  private static Map<String, SerializerProvider> providers() {
    Map<String, SerializerProvider> byName = new TreeMap<>();
    for (SerializerProvider provider : ServiceLoader.load(SerializerProvider.class)) {
      byName.put(provider.name(), provider);
      provider.aliases().forEach(alias -> byName.put(alias, provider));
    }
    return byName;
  }

  private static SerializerProvider byClassName(CacheSettings settings, String name) {
    String accepted =
        DEFAULT
            + ", "
            + String.join(", ", providers().keySet())
            + (providers().containsKey("pickle") ? "" : " (pickle needs larder-django)")
            + ", or the class name of a SerializerProvider";
    Object instance = Instances.create(name, settings, CacheSettings.class, settings);
    if (instance instanceof SerializerProvider provider) {
      return provider;
    }
    if (instance instanceof Serializer serializer) {
      return new SerializerProvider() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public Serializer create(CacheSettings ignored) {
          return serializer;
        }
      };
    }
    throw CommonOptions.SERIALIZER.invalid(settings, name, accepted);
  }
}
