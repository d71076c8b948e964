package dev.atomic.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.server.AtomicServer;
import dev.atomic.server.Http;
import dev.atomic.server.ScriptedBidder;
import dev.atomic.server.ServerConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its own chromedriver, so Selenium
 * Manager never runs and nothing is downloaded. It loads the page, sees a new decision arrive live over the event
 * stream, and clicks it to see its bids. Without the browser it is skipped, unless {@code ATOMIC_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}), when it fails.
 */
class DashboardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Set to 1 (as {@code .ci/run} does) to fail, rather than skip, when the browser is missing. */
  static final String REQUIRE_BROWSER = "ATOMIC_REQUIRE_BROWSER";

  @TempDir
  static Path dir;

  static AtomicServer server;
  static ChromeDriver browser;

  @BeforeAll
  static void start() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    // CI installs the browser and says so: there a missing one is a failure, not a quiet skip.
    if (!installed && "1".equals(System.getenv(REQUIRE_BROWSER))) {
      throw new AssertionError(REQUIRE_BROWSER + "=1 but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing or not executable; install Debian's chromium and chromium-driver");
    }
    Assumptions.assumeTrue(installed,
        "needs Debian's chromium and chromium-driver (.ci/run installs them and sets " + REQUIRE_BROWSER + "=1)");
    server = AtomicServer.builder(ServerConfig.defaults().withPort(0).withStoreUrl(dir.resolve("a.db").toString())
            .withSeed(9))
        .bidder(new ScriptedBidder("local-head", 0.85, 0.00001, 4, "ham"))
        .bidder(new ScriptedBidder("mid-llm", 0.92, 0.0008, 400, "ham"))
        .bidder(new ScriptedBidder("premium-llm", 0.99, 0.012, 900, "spam"))
        .start();
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--window-size=1400,1300");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void dashboard_showsANewDecisionLiveAndItsBidsOnClick() throws Exception {
    String key = server.store().apiKeys().issue("acme").key();
    Http http = new Http(server.port(), key);
    for (int i = 0; i < 5; i++) {
      String id = http.post("/v1/microtasks", "{\"kind\":\"email.spam\",\"tenant\":\"acme\"}").json()
          .path("decisionId").asText();
      http.post("/v1/decisions/" + id + "/feedback", "{\"quality\":" + (i % 3 == 0 ? 0 : 1) + "}");
    }
    browser.get(http.base() + "/dashboard/#key=" + key);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    assertThat(browser.getTitle()).contains("Atomic");
    wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));

    String live = http.post("/v1/microtasks", "{\"kind\":\"ticket.route\",\"tenant\":\"acme\"}").json()
        .path("decisionId").asText();
    WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#feed li[data-id='" + live + "']")));
    assertThat(row.getText()).contains("ticket.route");

    row.click();
    wait.until(ExpectedConditions.textToBe(By.id("d-id"), live));
    List<WebElement> bids = browser.findElements(By.cssSelector("#d-bids tbody tr"));
    assertThat(bids).hasSize(3);
    assertThat(bids.getFirst().getAttribute("class")).contains("won");
    assertThat(bids.get(1).getText()).contains("below the winner");
    // What came of it: who served, and the attempt.
    String winner = bids.getFirst().findElements(By.tagName("td")).get(1).getText();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-served"), "Served by " + winner));
    assertThat(browser.findElement(By.id("d-outcome")).getText()).contains("1. " + winner + ": SUCCEEDED");
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#c-wins rect"), 0));
    assertThat(browser.findElement(By.id("t-saved")).getText()).startsWith("$");
    // The bidders with feedback are in the calibration chart's key, with claimed → observed and their feedback count.
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-calibration"), "→"));
    Matcher calibrationKey = Pattern.compile("(\\S+)\\s+\\d\\.\\d\\d → \\d\\.\\d\\d \\((\\d+)\\)")
        .matcher(browser.findElement(By.id("c-calibration")).getText());
    int feedback = 0;
    while (calibrationKey.find()) {
      assertThat(calibrationKey.group(1)).isIn("local-head", "mid-llm", "premium-llm");
      feedback += Integer.parseInt(calibrationKey.group(2));
    }
    assertThat(feedback).isEqualTo(5);
    // Below a cent, money keeps two significant digits; local models' latencies keep theirs too.
    assertThat(browser.executeScript(
        "return [usd(0), usd(0.0000012), usd(0.005), usd(12.3456), ms(0.042), ms(3.25), ms(250.4)]"))
        .isEqualTo(List.of("$0", "$0.0000012", "$0.0050", "$12.346", "0.04", "3.3", "250"));

    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
