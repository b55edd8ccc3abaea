package io.larder.pebble;

import io.larder.Cache;
import io.larder.Timeout;
import io.larder.CachedFragment;
import io.larder.FragmentTimeout;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.LimitedSizeWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** One {@code {% cache %}} block: resolves its arguments, then serves or renders the fragment. */
final class CacheTagNode extends AbstractRenderableNode {
  private final FragmentCacheExtension extension;
  private final Expression<?> timeout;
  private final String name;
  private final List<Expression<?>> varyOn;
  private final Expression<?> using;
  private final BodyNode body;

  CacheTagNode(
      int line,
      FragmentCacheExtension extension,
      Expression<?> timeout,
      String name,
      List<Expression<?>> varyOn,
      Expression<?> using,
      BodyNode body) {
    super(line);
    this.extension = extension;
    this.timeout = timeout;
    this.name = name;
    this.varyOn = List.copyOf(varyOn);
    this.using = using;
    this.body = body;
  }

  /** Visits the body too, so that auto-escaping and macro registration reach into the fragment. */
  @Override
  public void accept(NodeVisitor visitor) {
    visitor.visit(this);
    timeout.accept(visitor);
    varyOn.forEach(expression -> expression.accept(visitor));
    if (using != null) {
      using.accept(visitor);
    }
    body.accept(visitor);
  }

  @Override
  public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context)
      throws IOException {
    Timeout expiry = expiry(self, context);
    Cache cache = cache(self, context);
    List<Object> values = new ArrayList<>(varyOn.size());
    for (Expression<?> expression : varyOn) {
      values.add(varyOnValue(expression, self, context));
    }
    String key = extension.fragments().key(name, values);
    String fragment;
    try {
      fragment =
          CachedFragment.getOrRender(
              extension.fragments(),
              cache,
              key,
              expiry,
              () -> renderBody(self, context),
              "fragment '" + name + "' of " + self.getName());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.write(fragment);
  }

  private String renderBody(PebbleTemplateImpl self, EvaluationContextImpl context) {
    Writer out = LimitedSizeWriter.from(new StringWriter(), context);
    try {
      body.render(self, out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * An undefined variable varies as Django's {@code string_if_invalid} (the empty string), so that
   * it makes the key Django makes; a variable that holds null varies as {@code None}.
   */
  private static Object varyOnValue(
      Expression<?> expression, PebbleTemplateImpl self, EvaluationContextImpl context) {
    if (expression instanceof ContextVariableExpression variable
        && !context.getScopeChain().containsKey(variable.getName())) {
      return "";
    }
    return expression.evaluate(self, context);
  }

  /** Django's {@code int(expire_time)}; {@code None} stores forever. */
  private Timeout expiry(PebbleTemplateImpl self, EvaluationContextImpl context) {
    Object value = resolve(timeout, self, context);
    try {
      return FragmentTimeout.of(value);
    } catch (IllegalArgumentException e) {
      throw error(self, "\"cache\" tag got a non-integer timeout value: '" + value + "'");
    }
  }

  private Cache cache(PebbleTemplateImpl self, EvaluationContextImpl context) {
    if (using == null) {
      return extension.cache();
    }
    Object alias = resolve(using, self, context);
    if (alias == null || !extension.fragments().hasCache(alias.toString())) {
      throw error(self, "Invalid cache name specified for cache tag: '" + alias + "'");
    }
    return extension.fragments().cache(alias.toString());
  }

  /** Evaluates, failing on an undefined variable as Django does, even without strict variables. */
  private Object resolve(
      Expression<?> expression, PebbleTemplateImpl self, EvaluationContextImpl context) {
    if (expression instanceof ContextVariableExpression variable
        && !context.getScopeChain().containsKey(variable.getName())) {
      throw error(self, "\"cache\" tag got an unknown variable: '" + variable.getName() + "'");
    }
    return expression.evaluate(self, context);
  }

  private PebbleException error(PebbleTemplateImpl self, String message) {
    return new PebbleException(null, message, getLineNumber(), self.getName());
  }
}
