package jp.shinchoku.launcher;

import static jp.shinchoku.launcher.Chromium.accessible;
import static jp.shinchoku.launcher.Chromium.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 公表 end to end in Chromium over the whole system, on 15 April 2025: a department reports 令和6年度 and writes its
 * 自己評価, the 推進本部 closes the year, evaluates and publishes the edition from the portal; an anonymous visitor
 * finds the plan from the list of municipalities and reads the published figures, not the 非公開 KPI, at desktop and
 * phone width (axe-core, WCAG 2.1 AA), without JavaScript, and printed. A correction after publication changes the
 * public page only once the 推進本部 publishes the new edition. Skipped with a message without Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPageBrowserTest {

    private static final String PUBLIC_KPI = "マイナンバーカード交付件数";
    private static final String PRIVATE_KPI = "窓口応対の内部記録件数";

    private SignedInSystem running;
    private LocalSystem system;
    private LocalPortal portal;
    private LocalTokens tokens;
    private WebDriver browser;

    @BeforeAll
    void startTheSystemAndThePortal() throws IOException {
        Chromium.assumeInstalled();
        running = SignedInSystem.start("public", LocalDate.parse("2025-04-15"));
        tokens = running.tokens;
        system = running.system;
        portal = running.portal;
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        quit();
    }

    @Test
    void theHeadquartersPublishesAndAnyoneReadsThePublishedFiguresOnly() throws IOException {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin());
        HttpJson.Response imported = plans.postBytes("/api/plans", EndToEndScenario.resource("/public-page-plan.yaml")
                .getBytes(StandardCharsets.UTF_8), "application/yaml");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String planId = imported.json().get("id").asString();
        String cards = planId + ".1-1.1";
        String internal = planId + ".1-1.2";
        HttpJson measurements = HttpJson.onPort(system.port(Service.MEASUREMENT));
        HttpJson shimin = measurements.as(running.token("shimin"));
        HttpJson hq = measurements.as(running.token("hq"));
        await().atMost(Duration.ofSeconds(60)).until(() -> shimin.get("/api/kpis/" + cards + "/progress").status() == 200
                && shimin.get("/api/kpis/" + internal + "/progress").status() == 200);
        String reported = report(shimin, cards, "140");
        report(shimin, internal, "7");
        String year = "/api/plans/" + planId + "/fiscal-years/2024";
        HttpJson.Response closed = hq.post(year + "/close", "{}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        String first = closed.json().at("/history/0/edition").asString();

        // the department writes its 自己評価 and submits it
        browser = Chromium.open(true);
        Chromium.signIn(browser, portal.url(), "setouchi-shimin");
        browser.get(portal.url() + "/evaluations?plan=" + planId + "&fiscalYear=2024");
        WebElement form = waitFor(browser, By.cssSelector("#evaluation-1-1 form.evaluation-form"));
        form.findElement(By.id("activities-1-1")).sendKeys("休日窓口を月2回開き、出張申請を12回行った");
        form.findElement(By.id("results-1-1")).sendKeys("交付件数は140件（目標200件）");
        form.findElement(By.id("issues-1-1")).sendKeys("高齢者の来庁が難しい");
        new Select(form.findElement(By.id("direction-1-1"))).selectByValue("CONTINUE");
        new Select(form.findElement(By.id("grade-1-1"))).selectByValue("B");
        form.findElement(By.cssSelector("button.submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("state-1-1"), "提出済"));
        quit();

        // the 推進本部 evaluates it, then previews and publishes the edition
        browser = Chromium.open(true);
        Chromium.signIn(browser, portal.url(), "setouchi-hq");
        browser.get(portal.url() + "/evaluations/hq?plan=" + planId + "&fiscalYear=2024");
        WebElement hqForm = waitFor(browser, By.cssSelector("#evaluation-1-1 form.hq-form"));
        new Select(hqForm.findElement(By.id("hq-grade-1-1"))).selectByValue("B");
        new Select(hqForm.findElement(By.id("hq-direction-1-1"))).selectByValue("EXPAND");
        hqForm.findElement(By.id("comment-1-1")).sendKeys("出張申請を地区ごとに拡充する");
        hqForm.findElement(By.cssSelector("button.evaluate")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBe(By.id("state-1-1"), "評価済"));
        browser.get(portal.url() + "/fiscal-years?plan=" + planId + "&fiscalYear=2024");
        waitFor(browser, By.linkText(first)).click();
        waitFor(browser, By.id("publication-preview")).click();
        assertThat(waitFor(browser, By.cssSelector("table.preview")).getText()).contains(PUBLIC_KPI).doesNotContain(PRIVATE_KPI);
        browser.findElement(By.cssSelector("#publish-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(
                By.cssSelector(".flash .notice"), java.util.regex.Pattern.compile("版 .* を公表しました")));
        quit();

        // anyone: from the list of municipalities to the plan's page
        browser = Chromium.open(true);
        browser.get(portal.url() + "/public");
        accessible(browser, "public-municipalities", false);
        waitFor(browser, By.linkText("鹿児島県 瀬戸内町")).click();
        waitFor(browser, By.linkText("瀬戸内町デジタル公表テスト計画")).click();
        WebElement kpi = waitFor(browser, By.cssSelector("section.kpi"));
        assertThat(browser.findElement(By.id("published")).getText()).isEqualTo("令和6年度の実績（令和7年3月31日現在）。"
                + "令和7年4月15日公表。");
        assertThat(kpi.getText()).contains(PUBLIC_KPI).contains("140 件").contains("100 件（令和6年3月31日現在）")
                .contains("200 件（令和8年3月31日まで）").contains("効果");
        assertThat(browser.findElements(By.cssSelector("section.kpi svg.chart circle.value"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(PRIVATE_KPI).contains("休日窓口と出張申請で交付を進める")
                .contains("1,500,000");
        accessible(browser, "public-plan", true);
        browser.manage().window().setSize(Chromium.PHONE);
        browser.navigate().refresh();
        waitFor(browser, By.cssSelector("section.kpi"));
        accessible(browser, "public-plan-phone", true);
        browser.manage().window().setSize(Chromium.DESKTOP);
        byte[] printed = Base64.getDecoder().decode(((PrintsPage) browser).print(new PrintOptions()).getContent());
        assertThat(new String(printed, 0, 5, StandardCharsets.ISO_8859_1)).as("printed as a PDF").isEqualTo("%PDF-");
        String csv = HttpJson.onPort(portal.port()).anonymous().get("/public/plans/" + planId + "/figures.csv").body();
        assertThat(csv).contains(PUBLIC_KPI).contains(",140,").doesNotContain(PRIVATE_KPI);
        quit();

        // without JavaScript: the same page, the same figures
        browser = Chromium.open(false);
        browser.get(portal.url() + "/public/plans/" + planId);
        assertThat(waitFor(browser, By.cssSelector("section.kpi")).getText()).contains(PUBLIC_KPI).contains("140 件");

        // a correction after a reopening: the public page keeps the published figures until the new edition is published
        assertThat(hq.post(year + "/reopen", "{\"reason\": \"集計誤り\"}").status()).isEqualTo(200);
        assertThat(shimin.post("/api/kpis/" + cards + "/measurements/" + reported + "/corrections",
                "{\"value\": 145, \"reason\": \"集計誤り\"}", Map.of("Idempotency-Key", "fix-" + reported)).status())
                .isEqualTo(201);
        HttpJson.Response reclosed = hq.post(year + "/close", "{}");
        assertThat(reclosed.status()).as(reclosed.body()).isEqualTo(200);
        String second = reclosed.json().at("/history/2/edition").asString();
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> true);
        browser.navigate().refresh();
        assertThat(waitFor(browser, By.cssSelector("section.kpi")).getText()).as("not published yet")
                .contains("140 件").doesNotContain("145 件");
        assertThat(hq.post("/api/plans/" + planId + "/editions/" + HttpJson.encode(second) + "/publish", "").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.navigate().refresh();
            return waitFor(browser, By.cssSelector("section.kpi")).getText().contains("145 件");
        });
    }

    private static String report(HttpJson as, String kpiId, String value) {
        HttpJson.Response response = as.post("/api/kpis/" + kpiId + "/measurements",
                "{\"value\": " + value + ", \"measuredOn\": \"2025-03-31\"}", Map.of("Idempotency-Key", kpiId + "-2024"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
