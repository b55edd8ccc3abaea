package io.larder.pebble;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code {% cache <timeout> <name> [vary_on ...] [using=<alias>] %} … {% endcache %}}, with
 * Django's rules: at least two arguments, the name taken literally, {@code using=} last.
 */
final class CacheTagParser implements TokenParser {
  private final FragmentCacheExtension extension;

  CacheTagParser(FragmentCacheExtension extension) {
    this.extension = extension;
  }

  @Override
  public String getTag() {
    return "cache";
  }

  @Override
  public RenderableNode parse(Token token, Parser parser) {
    TokenStream stream = parser.getStream();
    int line = token.getLineNumber();
    stream.next();
    requireArgument(stream, line);
    Expression<?> timeout = timeout(parser);
    requireArgument(stream, line);
    String name = fragmentName(stream);
    List<Expression<?>> varyOn = new ArrayList<>();
    Expression<?> using = null;
    while (!stream.current().test(Token.Type.EXECUTE_END)) {
      if (stream.current().test(Token.Type.NAME, "using")
          && stream.peek().test(Token.Type.PUNCTUATION, "=")) {
        stream.next();
        stream.next();
        using = parser.getExpressionParser().parseExpression();
        if (!stream.current().test(Token.Type.EXECUTE_END)) {
          throw new ParserException(
              null, "'cache' tag: using= must be its last argument", line, stream.getFilename());
        }
      } else {
        varyOn.add(parser.getExpressionParser().parseExpression());
      }
    }
    stream.expect(Token.Type.EXECUTE_END);
    BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "endcache"));
    stream.next();
    stream.expect(Token.Type.EXECUTE_END);
    return new CacheTagNode(line, extension, timeout, name, varyOn, using, body);
  }

  /** Django's {@code None}; Pebble itself knows {@code none}, {@code NONE} and {@code null}. */
  private static Expression<?> timeout(Parser parser) {
    Token current = parser.getStream().current();
    if (current.test(Token.Type.NAME, "None")) {
      parser.getStream().next();
      return new LiteralNullExpression(current.getLineNumber());
    }
    return parser.getExpressionParser().parseExpression();
  }

  /** A quoted string or a bare, possibly dotted, name ({@code a.fragment}), never resolved. */
  private static String fragmentName(TokenStream stream) {
    Token first = stream.current();
    if (first.test(Token.Type.STRING)) {
      stream.next();
      return first.getValue();
    }
    if (!first.test(Token.Type.NAME) && !first.test(Token.Type.NUMBER)) {
      throw new ParserException(
          null,
          "'cache' tag: the fragment name must be a name or a string, not '"
              + first.getValue()
              + "'",
          first.getLineNumber(),
          stream.getFilename());
    }
    StringBuilder name = new StringBuilder(first.getValue());
    stream.next();
    while (stream.current().test(Token.Type.PUNCTUATION, ".")
        && (stream.peek().test(Token.Type.NAME) || stream.peek().test(Token.Type.NUMBER))) {
      name.append('.').append(stream.peek().getValue());
      stream.next();
      stream.next();
    }
    return name.toString();
  }

  private static void requireArgument(TokenStream stream, int line) {
    if (stream.current().test(Token.Type.EXECUTE_END)) {
      throw new ParserException(
          null, "'cache' tag requires at least 2 arguments.", line, stream.getFilename());
    }
  }
}
