package io.larder.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.larder.Caches;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end in headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): it renders, its counters move after requests, and its chart is drawn.
 */
class DashboardBrowserTest {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  /** The longest chromedriver's start or one browser command may take on a loaded machine. */
  private static final Duration BROWSER_BOUND = Duration.ofSeconds(60);

  @TempDir Path profile;
  private Caches caches;
  private DemoServer server;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    assertThat(CHROMIUM.canExecute())
        .as("/usr/bin/chromium: install the Debian packages chromium and chromium-driver")
        .isTrue();
    assertThat(CHROMEDRIVER.canExecute())
        .as("/usr/bin/chromedriver: install the Debian package chromium-driver")
        .isTrue();
    caches =
        Caches.builder()
            .environment(Map.of())
            .config(Map.of("default", Map.of("backend", "locmem", "location", "dashboard-test")))
            .build();
    caches.getDefault().clear();
    server = DemoServer.start(caches, 0, InstantSource.system(), Duration.ofMillis(500));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1000,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER)
            .usingAnyFreePort()
            .withTimeout(BROWSER_BOUND)
            .build();
    // Every command is bounded, so a hung Chromium fails the test instead of holding the build.
    browser =
        new ChromeDriver(
            service, options, ClientConfig.defaultConfig().readTimeout(BROWSER_BOUND));
    browser.manage().timeouts().pageLoadTimeout(BROWSER_BOUND).scriptTimeout(BROWSER_BOUND);
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      server.close();
      caches.close();
    }
  }

  @Test
  void theDashboardShowsTheCachesCountsRequestsAndDrawsTheHitRatio() throws Exception {
    String base = "http://127.0.0.1:" + server.port();
    browser.get(base + "/_larder/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement row =
        wait.until(d -> d.findElement(By.cssSelector("#caches tr[data-alias='default']")));
    assertThat(browser.getTitle()).isEqualTo("Caches · Larder");
    assertThat(row.findElement(By.xpath("td[2]")).getText()).isEqualTo("locmem");
    long hitsBefore = Long.parseLong(hits());

    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 3; i++) {
      client.send(
          HttpRequest.newBuilder(URI.create(base + "/slow")).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    wait.until(d -> Long.parseLong(hits()) >= hitsBefore + 4);
    assertThat(Long.parseLong(hits())).isEqualTo(hitsBefore + 4);
    assertThat(text("misses")).isEqualTo("1");
    assertThat(text("ratio")).isEqualTo("80.0%");
    WebElement line =
        wait.until(
            d ->
                d.findElements(By.cssSelector("#series polyline[data-alias='default']")).stream()
                    .filter(p -> p.getAttribute("points").trim().split("\\s+").length >= 2)
                    .findFirst()
                    .orElse(null));
    assertThat(line.getAttribute("points")).matches("[0-9., ]+");
    assertThat(browser.findElement(By.id("status")).getText()).startsWith("Updated");
    Path shot = Path.of("target", "dashboard.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theDashboardListsTheCountersSessionAndTheCachedSidebars() {
    String base = "http://127.0.0.1:" + server.port();
    browser.get(base + "/counter");
    browser.get(base + "/counter");
    assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2");
    browser.get(base + "/fragments?lang=fr");
    assertThat(browser.findElement(By.id("sidebar")).getText()).contains("Sidebar (fr)");

    browser.get(base + "/_larder/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    WebElement session =
        wait.until(d -> d.findElement(By.cssSelector("#sessions tbody tr")));
    assertThat(session.findElement(By.cssSelector("td.visits")).getText()).isEqualTo("2");
    assertThat(session.findElement(By.cssSelector("td.live")).getText()).isEqualTo("yes");
    assertThat(cell("#fragments tr[data-vary='fr'] td.cached")).isEqualTo("yes");
    assertThat(cell("#fragments tr[data-vary='en'] td.cached")).isEqualTo("no");

    browser.get(base + "/counter");
    browser.findElement(By.id("reset")).click();
    // The form posts, and the browser follows the redirect to a new session's first count.
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.id("count")).getText().equals("1"));
    browser.get(base + "/_larder/");
    wait.until(d -> d.findElements(By.cssSelector("#sessions tbody tr td.visits")).stream()
        .anyMatch(td -> td.getText().equals("1")));
    assertThat(browser.findElement(By.id("fragments-summary")).getText())
        .contains("cache 'default'");
  }

  @Test
  void theHazelcastPanelIsHiddenWithoutAHazelcastCache() {
    browser.get("http://127.0.0.1:" + server.port() + "/_larder/");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElement(By.id("hazelcast-summary")).getAttribute("textContent").isEmpty());

    assertThat(browser.findElement(By.id("hazelcast")).isDisplayed()).isFalse();
  }

  @Test
  void theDashboardListsAHazelcastCachesMembersMapSizeAndNearCacheHits() throws Exception {
    try (OneMemberCluster cluster = new OneMemberCluster();
        Caches hazelcast =
            Caches.builder()
                .environment(Map.of())
                .config(Map.of("default", cluster.clientCache()))
                .build();
        DemoServer demo =
            DemoServer.start(hazelcast, 0, InstantSource.system(), Duration.ofMillis(500))) {
      hazelcast.getDefault().set("k", "v");
      for (int i = 0; i < 3; i++) {
        hazelcast.getDefault().get("k");
      }

      browser.get("http://127.0.0.1:" + demo.port() + "/_larder/");
      WebElement row =
          new WebDriverWait(browser, Duration.ofSeconds(30))
              .until(d -> d.findElement(By.cssSelector("#hazelcast-maps tr[data-alias='default']")));

      assertThat(browser.findElement(By.id("hazelcast")).isDisplayed()).isTrue();
      assertThat(row.findElement(By.xpath("td[2]")).getText()).isEqualTo("larder-default");
      assertThat(row.findElement(By.cssSelector("td.members")).getText())
          .isEqualTo(cluster.address());
      assertThat(row.findElement(By.cssSelector("td.size")).getText()).isEqualTo("1");
      assertThat(Long.parseLong(row.findElement(By.cssSelector("td.near-hits")).getText()))
          .isPositive();
      browser.executeScript("arguments[0].scrollIntoView()", row);
      Path shot = Path.of("target", "dashboard-hazelcast.png");
      Files.createDirectories(shot.getParent());
      Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
  }

  private String cell(String selector) {
    return browser.findElement(By.cssSelector(selector)).getText();
  }

  private String hits() {
    return text("hits");
  }

  /** A cell of the cache table, read again if the page redraws the table under the read. */
  private String text(String column) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.cssSelector("#caches tr[data-alias='default'] td." + column))
                    .getText());
  }
}
