package io.liaison.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.javalin.Javalin;
import io.liaison.Liaison;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a real headless Chromium against the real server: search, highlighting,
 * facets, history, suggestions by keyboard, the document view, and a document that tries to run
 * script. Uses the Debian packages {@code chromium} and {@code chromium-driver}; nothing is downloaded.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static Liaison liaison;
  static Javalin app;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("The browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (Debian packages chromium and chromium-driver): run .ci/browser-deps");
    }
    TestIndex corpus = TestIndex.build(dir.resolve("data"));
    // A Chinese version of the harbour report, linked to it: only this test's index has versions.
    Files.writeString(corpus.corpus.resolve("zh/gangkou.txt"), "港口报告\n今年港口处理的集装箱更多了，航运公司扩大了航线。\n");
    Liaison.index(corpus.corpus, corpus.index);
    liaison = corpus.open();
    app = App.create(liaison, corpus.config(null)).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1280,900",
        "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class); // results are re-rendered while a wait polls them
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (app != null) {
      app.stop();
    }
    if (liaison != null) {
      liaison.close();
    }
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static void screenshot(String name) throws Exception {
    Path out = Path.of("target", name);
    Files.createDirectories(out.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
  }

  private static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#results .hit"));
  }

  private static void search(String query) {
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.clear();
    box.sendKeys(query, Keys.ENTER);
    wait.until(d -> js("return document.getElementById('search-view').getAttribute('aria-busy')") == null
        && !d.findElements(By.cssSelector("#results li")).isEmpty());
  }

  @Test
  void a_search_shows_highlighted_results_and_a_facet_narrows_them() throws Exception {
    driver.get(base + "/");
    search("liaison");

    assertTrue(driver.getCurrentUrl().endsWith("/?q=liaison"), driver.getCurrentUrl());
    List<WebElement> marks = driver.findElements(By.cssSelector("#results .snippet mark"));
    assertFalse(marks.isEmpty(), "snippets highlight the query");
    assertTrue(marks.get(0).getText().toLowerCase().startsWith("liaison"), marks.get(0).getText());
    assertTrue(driver.findElement(By.id("status")).getText().contains("documents"));
    screenshot("search-results.png");

    int before = hits().size();
    driver.findElement(By.cssSelector("button[data-facet='folder'][data-value='en']")).click();
    wait.until(ExpectedConditions.urlContains("folder=en"));
    wait.until(d -> {
      List<WebElement> folders = d.findElements(By.cssSelector("#results .hit .folder"));
      return !folders.isEmpty() && folders.stream().allMatch(f -> f.getText().equals("en"));
    });
    assertTrue(hits().size() < before, "the folder filter narrows the results");
    assertEquals("true", driver.findElement(By.cssSelector("button[data-facet='folder'][data-value='en']"))
        .getDomAttribute("aria-pressed"));

    driver.navigate().back();
    wait.until(d -> !d.getCurrentUrl().contains("folder=") && hits().size() == before);
  }

  @Test
  void a_hit_shows_its_version_in_the_other_language_once_and_the_version_opens() {
    driver.get(base + "/?q=harbour");
    WebElement version = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .hit .version a")));
    WebElement hit = driver.findElement(By.cssSelector("#results .hit"));
    String title = hit.findElement(By.className("hit-title")).getText();
    String versionTitle = version.getText();
    // Either version may lead (LanguageBalance draws them level); the other is beneath it.
    assertEquals(java.util.Set.of("Harbour Report", "港口报告"), java.util.Set.of(title, versionTitle));
    assertTrue(driver.findElements(By.cssSelector("#results .hit-title")).stream().noneMatch(t -> t.getText().equals(versionTitle)),
        "the version is not listed again as a hit of its own");

    version.click();
    wait.until(ExpectedConditions.textToBe(By.id("doc-title"), versionTitle));
  }

  @Test
  void a_document_that_carries_script_shows_it_as_text_and_runs_nothing() {
    driver.get(base + "/?q=onerror");
    wait.until(d -> !hits().isEmpty());
    WebElement title = driver.findElement(By.cssSelector("#results .hit-title"));
    assertEquals(TestIndex.EVIL_TITLE, title.getText());
    assertTrue(driver.findElements(By.cssSelector("#results img, #results script")).isEmpty());
    assertTrue(driver.findElement(By.cssSelector("#results .snippet")).getText().contains("<img src="));

    title.click();
    wait.until(ExpectedConditions.textToBe(By.id("doc-title"), TestIndex.EVIL_TITLE));
    assertTrue(driver.findElement(By.id("doc-body")).getText().contains("<script>window.__pwned=1</script>"));
    assertTrue(driver.findElements(By.cssSelector("main img, main script")).isEmpty());
    assertNull(js("return window.__pwned"), "no script from the document ran");

    driver.findElement(By.id("back")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .hit")));
    assertNull(js("return window.__pwned"));
  }

  @Test
  void suggestions_work_from_the_keyboard_alone() {
    driver.get(base + "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    assertEquals(box, driver.switchTo().activeElement(), "the search box has focus on load");
    box.sendKeys("liai");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li")));
    box.sendKeys(Keys.ARROW_DOWN);
    WebElement first = driver.findElement(By.cssSelector("#suggestions li"));
    assertEquals("true", first.getDomAttribute("aria-selected"));
    String chosen = first.findElement(By.className("sugg-text")).getText();
    box.sendKeys(Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("q=") && !hits().isEmpty());
    assertEquals(chosen, driver.findElement(By.id("q")).getDomProperty("value"));

    box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("liai");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions li")));
    box.sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
  }

  @Test
  void the_page_fits_a_phone_screen() throws Exception {
    Dimension desktop = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      driver.get(base + "/?q=" + java.net.URLEncoder.encode("联络", java.nio.charset.StandardCharsets.UTF_8));
      wait.until(d -> !hits().isEmpty());
      Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0L, overflow, "no horizontal scrolling on a phone");
      screenshot("search-results-phone.png");
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }
}
