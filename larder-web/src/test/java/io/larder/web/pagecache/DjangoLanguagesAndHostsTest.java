package io.larder.web.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.larder.testsupport.DjangoPython;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The language a page is keyed on and the hosts it is cached for, decided by real Django ({@code
 * get_language_from_request} with {@code LANGUAGES}, {@code get_host()}'s {@code ALLOWED_HOSTS}
 * check) and by Larder for the same hostile headers: the same answers.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(DjangoPython.class)
class DjangoLanguagesAndHostsTest {
  @Parameter DjangoPython python;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> LANGUAGES = List.of("en", "fr", "pt-br", "de");

  private static final List<String> ACCEPT_LANGUAGES =
      List.of(
          "",
          "fr",
          "FR",
          "de, fr",
          "fr-CA",
          "fr-ca, en;q=0.9",
          "de-at;q=0.9, pt",
          "pt-PT",
          "zz",
          "zz-1, *",
          "*",
          "de, *, fr",
          "en-US;q=0.1, fr;q=0.2",
          "en;q=0.5, fr;q=0.5",
          "fr;q=2",
          "fr;q=1.0001",
          "fr;q=0.",
          " fr ",
          "fr,,de",
          "de-ch-1901",
          "zh-hant-tw, pt-BR",
          "123",
          "en@latin",
          "x".repeat(600),
          "fr, " + "a".repeat(600),
          "a-".repeat(300),
          "de;q=0.8, " + "zz-abcdefgh-".repeat(40) + "x, fr");

  private static final String DJANGO_LANGUAGES =
      String.join(
          "\n",
          "import json, sys",
          "from django.conf import settings",
          "settings.configure(USE_I18N=True, LANGUAGE_CODE='en', ALLOWED_HOSTS=['*'],",
          "    LANGUAGES=[(c, c) for c in json.loads(sys.argv[1])])",
          "import django",
          "django.setup()",
          "from django.test import RequestFactory",
          "from django.utils.translation import get_language_from_request",
          "for header in json.loads(sys.argv[2]):",
          "    request = RequestFactory().get('/', HTTP_ACCEPT_LANGUAGE=header)",
          "    print(get_language_from_request(request))");

  private static final List<String> HOST_PATTERNS =
      List.of("www.example.com", ".example.org", "127.0.0.1", "[::1]");

  private static final List<String> HOSTS =
      List.of(
          "www.example.com",
          "WWW.EXAMPLE.COM:80",
          "www.example.com.",
          "www.example.com:abc",
          "www.example.com@evil.example",
          "evil.example",
          "example.org",
          "a.b.example.org",
          "notexample.org",
          "127.0.0.1:8000",
          "[::1]:8000",
          "[::1]",
          "[::1",
          "[fe80::1%eth0]",
          "..",
          ".",
          "exa mple.com",
          "www.example.com ",
          "xn--80ak6aa92e.example.org");

  private static final String DJANGO_HOSTS =
      String.join(
          "\n",
          "import json, sys",
          "from django.conf import settings",
          "settings.configure(ALLOWED_HOSTS=json.loads(sys.argv[1]))",
          "import django",
          "django.setup()",
          "from django.http.request import split_domain_port, validate_host",
          "patterns = json.loads(sys.argv[1])",
          "for host in json.loads(sys.argv[2]):",
          "    domain, port = split_domain_port(host)",
          "    print(bool(domain and validate_host(domain, patterns)))");

  @Test
  void theLanguageOfTheKeyIsTheOneDjangosLocaleMiddlewarePicks() throws Exception {
    SupportedLanguages ours = SupportedLanguages.of(LANGUAGES);
    List<String> larder = new ArrayList<>();
    for (String header : ACCEPT_LANGUAGES) {
      larder.add(ours.resolve(header));
    }
    String django =
        python.run(
            DJANGO_LANGUAGES,
            JSON.writeValueAsString(LANGUAGES),
            JSON.writeValueAsString(ACCEPT_LANGUAGES));
    assertThat(larder).isEqualTo(List.of(django.strip().split("\n")));
  }

  @Test
  void theHostsAllowedAreTheOnesDjangosAllowedHostsAllow() throws Exception {
    assertSameHosts(HOST_PATTERNS);
  }

  @Test
  void aStarAllowsEveryValidHostAndNoInvalidOne() throws Exception {
    assertSameHosts(List.of("*"));
  }

  private void assertSameHosts(List<String> patterns) throws Exception {
    AllowedHosts ours = AllowedHosts.of(patterns);
    List<String> larder = new ArrayList<>();
    for (String host : HOSTS) {
      larder.add(ours.allows(host) ? "True" : "False");
    }
    String django =
        python.run(DJANGO_HOSTS, JSON.writeValueAsString(patterns), JSON.writeValueAsString(HOSTS));
    assertThat(larder).isEqualTo(List.of(django.strip().split("\n")));
  }
}
