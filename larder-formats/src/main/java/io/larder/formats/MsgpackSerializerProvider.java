package io.larder.formats;

import io.larder.CacheSettings;
import io.larder.spi.CommonOptions;
import io.larder.spi.Serializer;
import io.larder.spi.SerializerProvider;
import java.util.Set;

/**
 * {@code options.serializer: msgpack} (or django-redis's {@code
 * django_redis.serializers.msgpack.MSGPackSerializer}): the {@link MsgpackSerializer}, which needs
 * the optional {@code org.msgpack:msgpack-core}, and Jackson for records and typed gets.
 *
 * @since 0.1
 */
public final class MsgpackSerializerProvider implements SerializerProvider {
  @Override
  public String name() {
    return "msgpack";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("django_redis.serializers.msgpack.MSGPackSerializer");
  }

  @Override
  public Serializer create(CacheSettings settings) {
    String named = CommonOptions.SERIALIZER.from(settings);
    FormatLibrary.MSGPACK.require(settings, "serializer", named);
    FormatLibrary.JACKSON.require(settings, "serializer", named);
    FormatLibrary.JACKSON_JAVA_TIME.require(settings, "serializer", named);
    return new MsgpackSerializer();
  }
}
