package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.larder.FragmentKeys;
import io.pebbletemplates.pebble.error.PebbleException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FragmentCacheTagTest {
  private static final String SIDEBAR =
      "{% cache 500 \"sidebar\" user lang %}sidebar {{ renders.next() }}{% endcache %}";

  private final Fragments fragments = new Fragments("other");

  @Test
  void rendersTheBodyOnAMissAndServesTheStoredFragmentAfterwards() {
    Map<String, Object> vars = Map.of("user", 42, "lang", "en");

    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("sidebar 1");
    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("sidebar 1");
    assertThat(fragments.renders.count()).isEqualTo(1);
  }

  @Test
  void storesTheFragmentUnderMakeTemplateFragmentKeysKey() {
    fragments.render(SIDEBAR, Map.of("user", 42, "lang", "en"));

    String stored = fragments.caches.getDefault().get(FragmentKeys.make("sidebar", 42, "en"));
    assertThat(stored).isEqualTo("sidebar 1");
  }

  @Test
  void differentVaryOnValuesAreDifferentFragments() {
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"))).isEqualTo("sidebar 1");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 2, "lang", "en"))).isEqualTo("sidebar 2");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "fr"))).isEqualTo("sidebar 3");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"))).isEqualTo("sidebar 1");
  }

  @Test
  void varyOnTakesAnyExpression() {
    String template =
        "{% cache 60 \"profile\" user.id user.name|upper %}{{ renders.next() }}{% endcache %}";
    fragments.render(template, Map.of("user", Map.of("id", 7, "name", "ann")));

    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("profile", 7, "ANN")))
        .isTrue();
  }

  @Test
  void anUndefinedVaryOnVariableVariesAsDjangosEmptyStringAndNullAsNone() {
    fragments.render("{% cache 60 \"u\" nobody %}x{% endcache %}");
    Map<String, Object> nothing = new HashMap<>();
    nothing.put("somebody", null);
    fragments.render("{% cache 60 \"n\" somebody %}x{% endcache %}", nothing);

    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("u", ""))).isTrue();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("n", (Object) null)))
        .isTrue();
  }

  @Test
  void aFragmentWithoutVaryOnValuesIsOneFragment() {
    String template = "{% cache 60 footer %}footer {{ renders.next() }}{% endcache %}";
    fragments.render(template);

    assertThat(fragments.render(template)).isEqualTo("footer 1");
    assertThat(
            fragments
                .caches
                .getDefault()
                .hasKey("template.cache.footer." + "d41d8cd98f00b204e9800998ecf8427e"))
        .isTrue();
  }

  @Test
  void theFragmentNameIsTakenLiterallyNeverAsAVariable() {
    fragments.render(
        "{% cache 60 a.fragment %}x{% endcache %}", Map.of("a", Map.of("fragment", "other")));

    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("a.fragment"))).isTrue();
  }

  @Test
  void fragmentsWithTheSameNameAndValuesAreSharedAcrossTemplates() {
    fragments.render(
        "{% cache 60 shared x %}first {{ renders.next() }}{% endcache %}", Map.of("x", 1));

    assertThat(
            fragments.render("<p>{% cache 60 shared x %}second{% endcache %}</p>", Map.of("x", 1)))
        .isEqualTo("<p>first 1</p>");
  }

  @Test
  void theFragmentExpiresAfterItsTimeout() {
    Map<String, Object> vars = Map.of("user", 42, "lang", "en");
    fragments.render(SIDEBAR, vars);

    fragments.clock.advance(Duration.ofSeconds(499));
    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("sidebar 1");
    fragments.clock.advance(Duration.ofSeconds(2));
    assertThat(fragments.render(SIDEBAR, vars)).isEqualTo("sidebar 2");
  }

  @Test
  void theTimeoutIsAnExpression() {
    String template = "{% cache ttl * 2 \"t\" %}{{ renders.next() }}{% endcache %}";
    fragments.render(template, Map.of("ttl", 30));

    fragments.clock.advance(Duration.ofSeconds(59));
    assertThat(fragments.render(template, Map.of("ttl", 30))).isEqualTo("1");
    fragments.clock.advance(Duration.ofSeconds(2));
    assertThat(fragments.render(template, Map.of("ttl", 30))).isEqualTo("2");
  }

  @Test
  void aTimeoutGivenAsTextIsReadAsAnInteger() {
    String template = "{% cache ttl \"t\" %}{{ renders.next() }}{% endcache %}";
    fragments.render(template, Map.of("ttl", "30"));

    fragments.clock.advance(Duration.ofSeconds(31));
    assertThat(fragments.render(template, Map.of("ttl", "30"))).isEqualTo("2");
  }

  @Test
  void noneAndNullTimeoutsStoreTheFragmentForever() {
    for (String none : new String[] {"None", "none", "null"}) {
      String template =
          "{% cache " + none + " \"f" + none + "\" %}{{ renders.next() }}{% endcache %}";
      String first = fragments.render(template);
      fragments.clock.advance(Duration.ofDays(3650));
      assertThat(fragments.render(template)).as(none).isEqualTo(first);
    }
  }

  @Test
  void aTimeoutBeyondWhatATimeoutHoldsStoresTheFragmentForever() {
    String template = "{% cache 99999999999999 \"huge\" %}{{ renders.next() }}{% endcache %}";
    fragments.render(template);

    fragments.clock.advance(Duration.ofDays(36500));

    assertThat(fragments.render(template)).isEqualTo("1");
  }

  @Test
  void aZeroTimeoutRendersEveryTime() {
    String template = "{% cache 0 \"z\" %}{{ renders.next() }}{% endcache %}";

    assertThat(fragments.render(template)).isEqualTo("1");
    assertThat(fragments.render(template)).isEqualTo("2");
  }

  @Test
  void usingStoresTheFragmentInTheNamedCache() {
    fragments.render("{% cache 60 \"u\" using=\"other\" %}x{% endcache %}");

    assertThat(fragments.caches.get("other").hasKey(FragmentKeys.make("u"))).isTrue();
    assertThat(fragments.caches.getDefault().hasKey(FragmentKeys.make("u"))).isFalse();
  }

  @Test
  void usingTakesAVariable() {
    fragments.render(
        "{% cache 60 \"u\" v using=alias %}x{% endcache %}", Map.of("alias", "other", "v", 1));

    assertThat(fragments.caches.get("other").hasKey(FragmentKeys.make("u", 1))).isTrue();
  }

  @Test
  void withoutUsingTheTemplateFragmentsCacheIsPreferredWhenConfigured() {
    Fragments withFragmentCache = new Fragments("template_fragments");
    withFragmentCache.render("{% cache 60 \"f\" %}x{% endcache %}");

    assertThat(withFragmentCache.caches.get("template_fragments").hasKey(FragmentKeys.make("f")))
        .isTrue();
    assertThat(withFragmentCache.caches.getDefault().hasKey(FragmentKeys.make("f"))).isFalse();
  }

  @Test
  void deletingTheKeyFromFragmentKeysInvalidatesOneFragment() {
    fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"));
    fragments.render(SIDEBAR, Map.of("user", 2, "lang", "en"));

    assertThat(fragments.caches.getDefault().delete(FragmentKeys.make("sidebar", 1, "en")))
        .isTrue();
    assertThat(fragments.render(SIDEBAR, Map.of("user", 1, "lang", "en"))).isEqualTo("sidebar 3");
    assertThat(fragments.render(SIDEBAR, Map.of("user", 2, "lang", "en"))).isEqualTo("sidebar 2");
  }

  @Test
  void variablesInsideTheFragmentAreAutoEscaped() {
    assertThat(
            fragments.render("{% cache 60 \"e\" %}{{ html }}{% endcache %}", Map.of("html", "<b>")))
        .isEqualTo("&lt;b&gt;");
  }

  @Test
  void fewerThanTwoArgumentsIsATemplateSyntaxError() {
    assertThatThrownBy(() -> fragments.render("{% cache %}x{% endcache %}"))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("'cache' tag requires at least 2 arguments.");
    assertThatThrownBy(() -> fragments.render("{% cache 1 %}x{% endcache %}"))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("'cache' tag requires at least 2 arguments.");
  }

  @Test
  void aNonIntegerTimeoutIsAnError() {
    assertThatThrownBy(
            () -> fragments.render("{% cache foo \"n\" %}x{% endcache %}", Map.of("foo", "fail")))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("\"cache\" tag got a non-integer timeout value: 'fail'");
  }

  @Test
  void anUndefinedTimeoutVariableIsAnError() {
    assertThatThrownBy(() -> fragments.render("{% cache foo \"n\" %}x{% endcache %}"))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("\"cache\" tag got an unknown variable: 'foo'");
  }

  @Test
  void anUnknownCacheAliasIsAnError() {
    assertThatThrownBy(() -> fragments.render("{% cache 1 \"n\" using=\"nope\" %}x{% endcache %}"))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("Invalid cache name specified for cache tag: 'nope'");
  }

  @Test
  void usingMustBeTheLastArgument() {
    assertThatThrownBy(
            () -> fragments.render("{% cache 1 \"n\" using=\"other\" x %}x{% endcache %}"))
        .isInstanceOf(PebbleException.class)
        .hasMessageContaining("using= must be its last argument");
  }
}
