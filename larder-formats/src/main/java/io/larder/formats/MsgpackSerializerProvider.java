package io.larder.formats;

import java.util.List;
import java.util.Set;

/**
 * {@code options.serializer: msgpack} (or django-redis's {@code
 * django_redis.serializers.msgpack.MSGPackSerializer}): the {@link MsgpackSerializer}, which needs
 * the optional {@code org.msgpack:msgpack-core}, and Jackson for records and typed gets.
 *
 * @since 0.1
 */
public final class MsgpackSerializerProvider extends FormatSerializerProvider {
  /** Found by {@code ServiceLoader}. */
  public MsgpackSerializerProvider() {
    super(
        "msgpack",
        Set.of("django_redis.serializers.msgpack.MSGPackSerializer"),
        List.of(FormatLibrary.MSGPACK, FormatLibrary.JACKSON, FormatLibrary.JACKSON_JAVA_TIME),
        settings -> new MsgpackSerializer());
  }
}
