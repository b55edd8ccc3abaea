package io.larder.pebble;

import io.larder.Cache;
import io.larder.CacheException;
import io.larder.Timeout;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code {% cache %}} block: resolves its arguments, then serves or renders the fragment. */
final class CacheTagNode extends AbstractRenderableNode {
  private static final Logger log = LoggerFactory.getLogger(FragmentCacheExtension.class);

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
    String key = extension.key(name, values);
    String[] rendered = new String[1];
    String fragment;
    try {
      fragment =
          cache.getOrSet(
              key,
              () -> {
                rendered[0] = renderBody(self, context);
                return rendered[0];
              },
              expiry);
    } catch (CacheException e) {
      extension.failed();
      log.warn(
          "Cache '{}' failed for fragment '{}' of {}, rendered uncached: {}",
          cache.settings().alias(),
          name,
          self.getName(),
          e.toString());
      fragment = rendered[0] != null ? rendered[0] : renderBody(self, context);
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
    if (value == null) {
      return Timeout.NEVER;
    }
    if (value instanceof Number number) {
      return seconds(number.longValue());
    }
    if (value instanceof Boolean b) {
      return seconds(b ? 1 : 0);
    }
    if (value instanceof CharSequence text) {
      try {
        return seconds(Long.parseLong(text.toString().strip()));
      } catch (NumberFormatException e) {
        // falls through to the error naming the value
      }
    }
    throw error(self, "\"cache\" tag got a non-integer timeout value: '" + value + "'");
  }

  /** Beyond what a {@link Timeout} holds (about 292 years) a fragment is stored forever. */
  private static Timeout seconds(long seconds) {
    return seconds > Long.MAX_VALUE / 1_000_000_000L ? Timeout.NEVER : Timeout.seconds(seconds);
  }

  private Cache cache(PebbleTemplateImpl self, EvaluationContextImpl context) {
    if (using == null) {
      return extension.cache();
    }
    Object alias = resolve(using, self, context);
    if (alias == null || !extension.hasCache(alias.toString())) {
      throw error(self, "Invalid cache name specified for cache tag: '" + alias + "'");
    }
    return extension.cache(alias.toString());
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
