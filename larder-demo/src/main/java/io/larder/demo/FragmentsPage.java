package io.larder.demo;

import io.larder.pebble.FragmentCacheExtension;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code /fragments}: a Pebble page whose sidebar is in a {@code {% cache 30 "sidebar" lang %}}
 * block. The sidebar takes {@link #SIDEBAR_MILLIS} to render and shows when it was rendered; the
 * rest of the page is rendered on every request. A POST with {@code invalidate=1} (from the page's
 * form) deletes the sidebar of the language through {@code FragmentKeys}.
 */
final class FragmentsPage extends HttpServlet {
  static final long SIDEBAR_MILLIS = 200;
  static final List<String> LANGUAGES = List.of("en", "fr", "de");

  private final FragmentCacheExtension fragments;
  private final WriteForms forms;
  private final PebbleTemplate template;

  FragmentsPage(FragmentCacheExtension fragments, WriteForms forms) {
    this.fragments = fragments;
    this.forms = forms;
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("io/larder/demo/templates");
    PebbleEngine engine =
        new PebbleEngine.Builder().loader(loader).extension(fragments, new SlowWork()).build();
    this.template = engine.getTemplate("fragments.peb");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getParameter("invalidate") != null) {
      // A write: only the page's own form, by POST (a GET with the parameter is refused).
      forms.accept(request, response);
      return;
    }
    String lang = language(request);
    StringWriter body = new StringWriter();
    template.evaluate(
        body,
        Map.of(
            "lang",
            lang,
            "languages",
            LANGUAGES,
            "now",
            LocalTime.now().truncatedTo(ChronoUnit.MILLIS).toString(),
            "csrfField",
            WriteForms.FIELD,
            "csrfToken",
            forms.token()));
    DemoHtml.write(response, "A fragment-cached sidebar", body.toString());
  }

  /** {@code invalidate=1}: deletes the sidebar of the form's language. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!forms.accept(request, response)) {
      return;
    }
    String lang = language(request);
    if (request.getParameter("invalidate") != null) {
      fragments.cache().delete(fragments.keys().key("sidebar", List.of(lang)));
    }
    WriteForms.seeOther(response, "/fragments?lang=" + lang);
  }

  /** The requested language, or the first when none or another is asked for. */
  private static String language(HttpServletRequest request) {
    String requested = request.getParameter("lang");
    // List.of(...).contains(null) throws: a page opened without ?lang= gets the first language.
    return requested != null && LANGUAGES.contains(requested) ? requested : LANGUAGES.get(0);
  }

  /** {@code {{ slowRender() }}}: the sidebar's simulated work; prints when and how long it took. */
  private static final class SlowWork extends AbstractExtension {
    @Override
    public Map<String, Function> getFunctions() {
      return Map.of(
          "slowRender",
          new Function() {
            @Override
            public List<String> getArgumentNames() {
              return List.of();
            }

            @Override
            public Object execute(
                Map<String, Object> args,
                PebbleTemplate self,
                EvaluationContext context,
                int lineNumber) {
              long start = System.nanoTime();
              try {
                // The simulated work: a slow query behind the sidebar.
                Thread.sleep(SIDEBAR_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              long took = (System.nanoTime() - start) / 1_000_000;
              return LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " (" + took + " ms)";
            }
          });
    }
  }
}
