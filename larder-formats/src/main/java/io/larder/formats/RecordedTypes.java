package io.larder.formats;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.ClassNameIdResolver;
import java.io.IOException;
import java.util.Collection;

/**
 * The type of every value {@code json_typed} writes, recorded as Jackson's {@code "@class"}
 * property (or, for a collection or scalar, a {@code ["class", value]} pair), final classes and
 * records included, since a cached value is read back as {@code Object}. Jackson's natural types
 * ({@code String}, {@code Integer}, {@code Double}, {@code Boolean}) need none. Every class named is
 * checked against the {@link TypeAllowList}: at write, and at read before Jackson loads it.
 */
final class RecordedTypes extends ObjectMapper.DefaultTypeResolverBuilder {
  private static final long serialVersionUID = 1L;

  private final TypeAllowList allowList;

  RecordedTypes(TypeAllowList allowList) {
    super(ObjectMapper.DefaultTyping.NON_FINAL, allowList); // overridden by useForType
    this.allowList = allowList;
    init(JsonTypeInfo.Value.construct(
            JsonTypeInfo.Id.CLASS, JsonTypeInfo.As.PROPERTY, "@class", null, false, null),
        null);
  }

  @Override
  public boolean useForType(JavaType type) {
    return !type.isPrimitive() && !TreeNode.class.isAssignableFrom(type.getRawClass());
  }

  @Override
  protected TypeIdResolver idResolver(
      MapperConfig<?> config,
      JavaType baseType,
      PolymorphicTypeValidator validator,
      Collection<NamedType> subtypes,
      boolean forSer,
      boolean forDeser) {
    return new CheckedIds(baseType, config, allowList);
  }

  /** Jackson's class-name ids, each checked against the allow-list. */
  private static final class CheckedIds extends ClassNameIdResolver {
    private static final long serialVersionUID = 1L;

    private final transient TypeAllowList allowList;

    CheckedIds(JavaType baseType, MapperConfig<?> config, TypeAllowList allowList) {
      super(baseType, config.getTypeFactory(), allowList);
      this.allowList = allowList;
    }

    @Override
    public String idFromValue(Object value) {
      return checked(super.idFromValue(value));
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
      return checked(super.idFromValueAndType(value, type));
    }

    private String checked(String id) {
      if (!allowList.permits(id)) {
        throw new RefusedType(id);
      }
      return id;
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) throws IOException {
      if (!allowList.permits(id)) {
        throw new RefusedType(id);
      }
      return super.typeFromId(context, id);
    }
  }

  /** A type id outside the allow-list, found while writing or reading. */
  static final class RefusedType extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String typeId;

    RefusedType(String typeId) {
      super(typeId, null, false, false);
      this.typeId = typeId;
    }

    /** The refusal among {@code e} and its causes, or null. */
    static RefusedType in(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RefusedType refused) {
          return refused;
        }
      }
      return null;
    }
  }
}
