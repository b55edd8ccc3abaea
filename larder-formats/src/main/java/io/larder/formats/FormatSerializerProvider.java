package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Serializer;
import io.larder.spi.SerializerProvider;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A serializer of this module: its names, the optional libraries it needs (checked when a cache
 * names it, so a missing one is a start-up error naming its artifact) and how it is made.
 */
abstract class FormatSerializerProvider implements SerializerProvider {
  private final String name;
  private final Set<String> aliases;
  private final List<FormatLibrary> libraries;
  private final Function<CacheSettings, Serializer> factory;

  FormatSerializerProvider(
      String name,
      Set<String> aliases,
      List<FormatLibrary> libraries,
      Function<CacheSettings, Serializer> factory) {
    this.name = name;
    this.aliases = aliases;
    this.libraries = libraries;
    this.factory = factory;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<String> aliases() {
    return aliases;
  }

  @Override
  public final Serializer create(CacheSettings settings) {
    String named = CommonOptions.SERIALIZER.from(settings);
    for (FormatLibrary library : libraries) {
      library.require(settings, CommonOptions.SERIALIZER, named);
    }
    return factory.apply(settings);
  }
}
