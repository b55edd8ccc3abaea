package io.larder.thymeleaf;

import io.larder.Cache;
import io.larder.Timeout;
import io.larder.CachedFragment;
import io.larder.FragmentTimeout;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.engine.TemplateManager;
import org.thymeleaf.engine.TemplateModel;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.inline.NoOpInliner;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.ITemplateEvent;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.standard.expression.ExpressionSequenceUtils;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.standard.expression.TextLiteralExpression;
import org.thymeleaf.standard.expression.Token;
import org.thymeleaf.standard.expression.VariableExpression;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * One {@code larder:cache} element: resolves its arguments, then serves the stored body or renders
 * it (once per process for concurrent misses) and stores it.
 */
final class CacheAttributeProcessor extends AbstractAttributeModelProcessor {
  private static final String USING = "cache-using";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private final FragmentCacheDialect dialect;
  private final String prefix;

  CacheAttributeProcessor(TemplateMode mode, String prefix, FragmentCacheDialect dialect) {
    super(mode, prefix, null, false, "cache", true, FragmentCacheDialect.PRECEDENCE, true);
    this.dialect = dialect;
    this.prefix = prefix;
  }

  @Override
  protected void doProcess(
      ITemplateContext context,
      IModel model,
      AttributeName attributeName,
      String attributeValue,
      IElementModelStructureHandler structureHandler) {
    List<IStandardExpression> arguments =
        ExpressionSequenceUtils.parseExpressionSequence(context, attributeValue).getExpressions();
    if (arguments.size() < 2) {
      throw new TemplateProcessingException(
          "'" + prefix + ":cache' requires at least 2 arguments: a timeout and a fragment name");
    }
    Timeout expiry = expiry(arguments.get(0).execute(context));
    String name = fragmentName(arguments.get(1));
    List<Object> varyOn = new ArrayList<>(arguments.size() - 2);
    for (IStandardExpression expression : arguments.subList(2, arguments.size())) {
      varyOn.add(varyOnValue(expression, context));
    }
    Cache cache = cache(context, model);
    if (model.size() < 2) {
      return;
    }
    String body = source(model);
    String fragment =
        CachedFragment.getOrRender(
            dialect.fragments(),
            cache,
            dialect.fragments().key(name, varyOn),
            expiry,
            () -> render(body, context, model),
            "fragment '" + name + "' of " + context.getTemplateData().getTemplate());
    IModelFactory factory = context.getModelFactory();
    while (model.size() > 2) {
      model.remove(1);
    }
    model.insert(1, factory.createText(fragment));
    // The fragment is finished output: nothing in it may be inlined a second time.
    structureHandler.setInliner(NoOpInliner.INSTANCE);
  }

  /** The unprocessed markup between the element's open and close tags. */
  private static String source(IModel model) {
    StringWriter out = new StringWriter();
    try {
      for (int i = 1; i < model.size() - 1; i++) {
        model.get(i).write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Processes the body's markup with this element's context: its variables, locals included. */
  private static String render(String body, ITemplateContext context, IModel model) {
    TemplateManager templates = context.getConfiguration().getTemplateManager();
    ITemplateEvent open = model.get(0);
    TemplateModel parsed =
        templates.parseString(
            context.getTemplateData(),
            body,
            open.getLine(),
            open.getCol(),
            context.getTemplateMode(),
            false);
    StringWriter out = new StringWriter();
    templates.process(parsed, context, out);
    return out.toString();
  }

  /**
   * Django's {@code int(expire_time)}; null stores forever, and so does {@code 'None'}, since a
   * Thymeleaf expression has no {@code None}.
   */
  private Timeout expiry(Object value) {
    if (value instanceof CharSequence text && text.toString().strip().equals("None")) {
      return Timeout.NEVER;
    }
    try {
      return FragmentTimeout.of(value);
    } catch (IllegalArgumentException e) {
      throw new TemplateProcessingException(
          "'" + prefix + ":cache' got a non-integer timeout value: '" + value + "'");
    }
  }

  /** A quoted text or a bare token ({@code sidebar}, {@code a.fragment}), never evaluated. */
  private String fragmentName(IStandardExpression expression) {
    if (expression instanceof TextLiteralExpression text) {
      return text.getValue().getValue();
    }
    if (expression instanceof Token token) {
      return String.valueOf(token.getValue());
    }
    throw new TemplateProcessingException(
        "'"
            + prefix
            + ":cache': the fragment name must be a literal ('sidebar' or sidebar), not '"
            + expression.getStringRepresentation()
            + "'");
  }

  /**
   * An undefined variable varies as Django's {@code string_if_invalid} (the empty string), so it
   * makes the key Django makes; a variable that holds null varies as {@code None}.
   */
  private static Object varyOnValue(IStandardExpression expression, ITemplateContext context) {
    if (expression instanceof VariableExpression variable
        && IDENTIFIER.matcher(variable.getExpression().strip()).matches()
        && !context.containsVariable(variable.getExpression().strip())) {
      return "";
    }
    return expression.execute(context);
  }

  /** The alias of {@code larder:cache-using}, removed from the element, or the dialect's cache. */
  private Cache cache(ITemplateContext context, IModel model) {
    if (!(model.get(0) instanceof IProcessableElementTag tag) || !tag.hasAttribute(prefix, USING)) {
      return dialect.cache();
    }
    String expression = tag.getAttributeValue(prefix, USING);
    model.replace(0, context.getModelFactory().removeAttribute(tag, prefix, USING));
    Object alias =
        ExpressionSequenceUtils.parseExpressionSequence(context, expression)
            .getExpressions()
            .get(0)
            .execute(context);
    if (alias == null || !dialect.fragments().hasCache(alias.toString())) {
      throw new TemplateProcessingException(
          "Invalid cache name specified for '" + prefix + ":cache': '" + alias + "'");
    }
    return dialect.fragments().cache(alias.toString());
  }
}
