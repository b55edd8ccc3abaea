package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does with the demo's write forms: read the token from a page, POST the form. */
final class DemoForms {
  private static final Pattern TOKEN =
      Pattern.compile("name=\"" + WriteForms.FIELD + "\" value=\"([0-9a-f]+)\"");

  private DemoForms() {}

  /** The write forms' token on {@code page}. */
  static String token(String page) {
    Matcher m = TOKEN.matcher(page);
    assertThat(m.find()).as("the page has a write form with its token").isTrue();
    return m.group(1);
  }

  /** POSTs {@code fields} (name, value, ...) as a form to {@code uri}. */
  static HttpResponse<String> post(HttpClient client, URI uri, String... fields) throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.append(form.isEmpty() ? "" : "&")
          .append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return client.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
