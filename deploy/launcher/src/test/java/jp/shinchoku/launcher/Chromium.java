package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its ChromeDriver, for the browser tests: a headless window in Japanese, axe-core at
 * WCAG 2.1 AA, screenshots in {@code target/screenshots/}, signing in at the launcher's authorization server.
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getProperty("shinchoku.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("shinchoku.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Dimension DESKTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    private Chromium() {
    }

    /** Skips the test class, saying why, where Chromium or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Browser tests skipped: no Chromium at " + BINARY + " or ChromeDriver at " + DRIVER
                        + " (apt-get install chromium chromium-driver fonts-noto-cjk; .ci/run does)");
    }

    /** A new browser (its own cookies: nobody signed in) at desktop size; {@code javascript} false turns scripts off. */
    static WebDriver open(boolean javascript) {
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=ja");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .build(), options);
        browser.manage().window().setSize(DESKTOP);
        return browser;
    }

    static void signIn(WebDriver browser, String portalUrl, String user) {
        browser.get(portalUrl + "/");
        waitFor(browser, By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(LocalAuthorizationServer.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(portalUrl));
        waitFor(browser, By.cssSelector("main h1"));
    }

    static WebElement waitFor(WebDriver browser, By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /** Waits for the page whose flash notice says this (looked up afresh while the page changes). */
    static void awaitNotice(WebDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.cssSelector(".flash .notice"), text));
    }

    /** No axe-core violation at WCAG 2.1 AA on the page as it stands; a screenshot of it when asked. */
    static void accessible(WebDriver browser, String name, boolean screenshot) {
        Results results = new AxeBuilder().withTags(AA).analyze(browser);
        assertThat(results.getViolations()).as(name + ": " + describe(results.getViolations())).isEmpty();
        if (screenshot) {
            screenshot(browser, name);
        }
    }

    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(List<Rule> violations) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : violations) {
            text.append(rule.getId()).append(" (").append(rule.getImpact()).append("): ").append(rule.getHelp());
            rule.getNodes().stream().limit(3).forEach(node -> text.append("\n    ").append(node.getTarget()));
            text.append('\n');
        }
        return text.toString();
    }
}
