package io.larder.pebble;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import io.larder.FragmentKeys;
import io.larder.testsupport.DjangoPython;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Django app (Debian's 3.2 and 4.2) and a Pebble app sharing a file cache with the pickle serializer: a
 * fragment either one renders is served to the other, and either can invalidate it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoFragmentInteropTest {
  /** The Django each check runs under: every test here runs under 3.2 and 4.2. */
  @Parameter DjangoPython python;

  private static final String DJANGO =
      """
      import sys
      from django.conf import settings
      settings.configure(
          CACHES={'default': {'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',
                              'LOCATION': sys.argv[1]}},
          TEMPLATES=[{'BACKEND': 'django.template.backends.django.DjangoTemplates'}])
      import django
      django.setup()
      from django.core.cache import cache
      from django.core.cache.utils import make_template_fragment_key
      from django.template import engines
      def render(source, **context):
          print(engines['django'].from_string('{% load cache %}' + source).render(context), end='')
      """;

  @TempDir Path dir;
  private Caches caches;
  private PebbleEngine engine;

  @BeforeEach
  void open() {
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(
                Map.of(
                    "default",
                    Map.of(
                        "backend", "filebased",
                        "location", dir.toString(),
                        "options", Map.of("serializer", "pickle"))))
            .build();
    engine =
        new PebbleEngine.Builder()
            .loader(new StringLoader())
            .extension(new FragmentCacheExtension(caches, FragmentKeys.DJANGO_6_0))
            .build();
  }

  @AfterEach
  void close() {
    caches.close();
  }

  private String django(String script) {
    return python.run(DJANGO + script, dir.toString());
  }

  private String pebble(String template, Map<String, Object> context) throws IOException {
    StringWriter out = new StringWriter();
    engine.getTemplate(template).evaluate(out, context);
    return out.toString();
  }

  @Test
  void pebbleServesAFragmentDjangoRendered() throws IOException {
    django(
        "render('{% cache 500 sidebar user lang %}django for {{ user }}{% endcache %}',"
            + " user=42, lang='en')");

    assertThat(
            pebble(
                "{% cache 500 \"sidebar\" user lang %}pebble{% endcache %}",
                Map.of("user", 42, "lang", "en")))
        .isEqualTo("django for 42");
  }

  @Test
  void djangoServesAFragmentPebbleRendered() throws IOException {
    pebble(
        "{% cache 500 footer user %}pebble <b>{{ user }}</b>{% endcache %}",
        Map.of("user", "ann & bob"));

    assertThat(
            django("render('{% cache 500 footer user %}django{% endcache %}', user='ann & bob')"))
        .isEqualTo("pebble <b>ann &amp; bob</b>");
  }

  @Test
  void djangoInvalidatesAFragmentPebbleRendered() throws IOException {
    String template = "{% cache 500 \"menu\" section %}{{ version }}{% endcache %}";
    pebble(template, Map.of("section", "news", "version", "v1"));

    django("cache.delete(make_template_fragment_key('menu', ['news']))");

    assertThat(pebble(template, Map.of("section", "news", "version", "v2"))).isEqualTo("v2");
  }
}
