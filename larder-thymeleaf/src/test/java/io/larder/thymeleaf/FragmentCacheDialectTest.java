package io.larder.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.FragmentKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thymeleaf.exceptions.TemplateProcessingException;

class FragmentCacheDialectTest {
  private static final String SIDEBAR =
      "<aside larder:cache=\"500, 'sidebar', ${user}, ${lang}\">"
          + "sidebar <b th:text=\"${renders.next()}\">0</b></aside>";

  private final Fragments fragments = new Fragments("other");

  @Test
  void rendersTheBodyOnAMissAndServesTheStoredFragmentAfterwards() {
    Map<String, Object> vars = Map.of("user", 42, "lang", "en");

    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("<aside>sidebar <b>1</b></aside>");
    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("<aside>sidebar <b>1</b></aside>");
    assertThat(fragments.renders.count()).isEqualTo(1);
  }

  @Test
  void storesTheBodyUnderTheKeyDjangosMakeTemplateFragmentKeyMakes() {
    fragments.render(SIDEBAR, Map.of("user", 42, "lang", "en"));

    String stored = fragments.caches.getDefault().get(FragmentKeys.make("sidebar", 42, "en"));
    assertThat(stored).isEqualTo("sidebar <b>1</b>");
  }

  @Test
  void differentVaryOnValuesAreDifferentFragments() {
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"))).contains("<b>1</b>");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 2, "lang", "en"))).contains("<b>2</b>");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "fr"))).contains("<b>3</b>");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"))).contains("<b>1</b>");
  }

  @Test
  void aFragmentInvalidatedByItsKeyIsRenderedAgain() {
    Map<String, Object> vars = Map.of("user", 42, "lang", "en");
    fragments.render(SIDEBAR, vars);

    fragments.dialect.cache().delete(FragmentKeys.make("sidebar", 42, "en"));

    assertThat(fragments.render(SIDEBAR, vars)).contains("<b>2</b>");
  }

  @Test
  void theFragmentExpiresAfterItsTimeout() {
    Map<String, Object> vars = Map.of("user", 42, "lang", "en");
    fragments.render(SIDEBAR, vars);

    fragments.clock.advance(Duration.ofSeconds(499));
    assertThat(fragments.render(SIDEBAR, vars)).contains("<b>1</b>");
    fragments.clock.advance(Duration.ofSeconds(2));
    assertThat(fragments.render(SIDEBAR, vars)).contains("<b>2</b>");
  }

  @Test
  void theTimeoutIsAnExpression() {
    String template =
        "<p larder:cache=\"${ttl} * 2, t\"><span th:text=\"${renders.next()}\"></span></p>";
    fragments.render(template, Map.of("ttl", 30));

    fragments.clock.advance(Duration.ofSeconds(59));
    assertThat(fragments.render(template, Map.of("ttl", 30))).contains(">1<");
    fragments.clock.advance(Duration.ofSeconds(2));
    assertThat(fragments.render(template, Map.of("ttl", 30))).contains(">2<");
  }

  @Test
  void aNullTimeoutStoresTheFragmentForever() {
    String template = "<p larder:cache=\"null, f\"><i th:text=\"${renders.next()}\"></i></p>";
    fragments.render(template);

    fragments.clock.advance(Duration.ofDays(3650));

    assertThat(fragments.render(template)).isEqualTo("<p><i>1</i></p>");
  }

  @Test
  void theFragmentNameIsALiteralQuotedOrBare() {
    fragments.render("<p larder:cache=\"60, a.fragment\">x</p>");
    fragments.render("<p larder:cache=\"60, 'b fragment'\">x</p>");

    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("a.fragment"))).isTrue();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("b fragment"))).isTrue();
  }

  @Test
  void aVariableAsTheFragmentNameIsAnError() {
    assertThatThrownBy(
            () -> fragments.render("<p larder:cache=\"60, ${name}\">x</p>", Map.of("name", "n")))
        .isInstanceOf(TemplateProcessingException.class)
        .rootCause()
        .hasMessageContaining("fragment name must be a literal");
  }

  @Test
  void anUndefinedVaryOnVariableVariesAsDjangosEmptyStringAndNullAsNone() {
    fragments.render("<p larder:cache=\"60, u, ${nobody}\">x</p>");
    Map<String, Object> nothing = new HashMap<>();
    nothing.put("somebody", null);
    fragments.render("<p larder:cache=\"60, n, ${somebody}\">x</p>", nothing);

    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("u", ""))).isTrue();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("n", (Object) null)))
        .isTrue();
  }

  @Test
  void eachIterationIsItsOwnFragmentAndSeesItsLocalVariables() {
    String template =
        "<ul><li th:each=\"item : ${items}\" larder:cache=\"60, item, ${item}\">"
            + "<span th:text=\"${item}\"></span></li></ul>";

    String page = fragments.render(template, Map.of("items", List.of("a", "b")));

    assertThat(page).isEqualTo("<ul><li><span>a</span></li><li><span>b</span></li></ul>");
    assertThat((String) fragments.caches.getDefault().get(FragmentKeys.make("item", "b")))
        .isEqualTo("<span>b</span>");
  }

  @Test
  void theStoredFragmentIsNotProcessedAgain() {
    fragments.render("<p larder:cache=\"60, raw\">[[${'x'}]]</p>");
    fragments.caches.getDefault().set(FragmentKeys.make("raw"), "[[${renders.next()}]]");

    assertThat(fragments.render("<p larder:cache=\"60, raw\" th:inline=\"text\">y</p>"))
        .isEqualTo("<p>[[${renders.next()}]]</p>");
  }

  @Test
  void usingNamesAnotherAlias() {
    fragments.render("<p larder:cache=\"60, f\" larder:cache-using=\"'other'\">x</p>");

    assertThat(fragments.caches.get("other").hasKey(FragmentKeys.make("f"))).isTrue();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("f"))).isFalse();
  }

  @Test
  void usingAnUnknownAliasIsAnError() {
    assertThatThrownBy(
            () -> fragments.render("<p larder:cache=\"60, f\" larder:cache-using=\"'nope'\">x</p>"))
        .isInstanceOf(TemplateProcessingException.class)
        .rootCause()
        .hasMessageContaining("'nope'");
  }

  @Test
  void templateFragmentsIsTheDefaultAliasWhenConfigured() {
    Fragments withFragments = new Fragments("template_fragments");
    withFragments.render("<p larder:cache=\"60, f\">x</p>");

    assertThat(withFragments.caches.get("template_fragments").hasKey(FragmentKeys.make("f")))
        .isTrue();
  }

  @Test
  void fewerThanTwoArgumentsIsAnError() {
    assertThatThrownBy(() -> fragments.render("<p larder:cache=\"60\">x</p>"))
        .isInstanceOf(TemplateProcessingException.class)
        .rootCause()
        .hasMessageContaining("at least 2 arguments");
  }

  @Test
  void aNonIntegerTimeoutIsAnError() {
    assertThatThrownBy(() -> fragments.render("<p larder:cache=\"'soon', f\">x</p>"))
        .isInstanceOf(TemplateProcessingException.class)
        .rootCause()
        .hasMessageContaining("non-integer timeout value: 'soon'");
  }
}
