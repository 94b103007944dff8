package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.launcher.LocalSystem.Service;
import jp.shinchoku.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The portal in a real Chromium, signed in at the launcher's authorization server, over the whole system on the demo
 * plan (as on 2 October 2023): a department reports a value and sees its status change, uploads a CSV with a bad row;
 * the 推進本部 acknowledges an alert and silences another; the sign-in page (Japanese first, a wrong password said in
 * Japanese) and the portal's own error pages (404, 403). Every page passes axe-core at WCAG 2.1 AA; screenshots of
 * the main pages go to {@code target/screenshots/}. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them); skipped with a message where they are absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    private SignedInSystem running;
    private Path keys;
    private LocalSystem system;
    private LocalPortal portal;
    private LocalTokens tokens;
    private WebDriver browser;

    @BeforeAll
    void startTheSystemAndThePortal() throws IOException {
        Chromium.assumeInstalled();
        running = SignedInSystem.start("portal", LocalDate.parse("2023-10-02"));
        keys = running.folder;
        tokens = running.tokens;
        system = running.system;
        portal = running.portal;
        assertThat(LocalLauncher.loadDemoPlan(system.url(Service.PLAN), tokens.admin())).contains("loaded");
    }

    @AfterAll
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.open(true);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDepartmentReportsAValueAndSeesItsStatusChange() {
        signIn("setouchi-shimin");
        assertThat(browser.getCurrentUrl()).endsWith("/reports");
        accessible("reports", true);
        WebElement form = browser.findElement(By.cssSelector("form.report[action$='.3-1.1']"));
        WebElement row = form.findElement(By.xpath("ancestor::tr"));
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("未報告");

        form.findElement(By.name("value")).sendKeys("8");
        WebElement date = form.findElement(By.name("measuredOn"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-09-30'", date);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        // htmx redraws the row: reported, and the KPI is now behind its trajectory
        WebElement redrawn = waitFor(By.xpath("//form[contains(@action, '.3-1.1')]/ancestor::tr[.//p[@role='status']]"));
        assertThat(redrawn.findElement(By.cssSelector("p[role=status]")).getText()).contains("報告しました").contains("遅れ");
        assertThat(redrawn.findElement(By.cssSelector(".status")).getText()).isEqualTo("遅れ");
        screenshot("reports");

        redrawn.findElement(By.cssSelector("th a")).click();
        waitFor(By.cssSelector("svg.chart"));
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("svg.chart circle.value"))).hasSize(1);
        accessible("kpi", true);

        // on a tablet held upright
        browser.manage().window().setSize(new Dimension(820, 1180));
        browser.get(portal.url() + "/reports");
        accessible("reports-tablet", true);
        browser.manage().window().setSize(Chromium.DESKTOP);

        browser.get(portal.url() + "/reports?lang=en");
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("My reports");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        accessible("reports-en", false);
        browser.get(portal.url() + "/reports?lang=ja");
    }

    @Test
    void aDepartmentUploadsACsvAndSeesTheBadRowRefused() throws IOException {
        signIn("setouchi-shimin");
        browser.get(portal.url() + "/reports/upload");
        accessible("upload", false);
        String kpiId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin())
                .get("/api/kpi-definitions?department=shimin").json().at("/items/0/kpi/id").asString();
        Path csv = Files.createTempFile(keys, "report", ".csv");
        Files.writeString(csv, "評価指標ID,実績値,測定日\n" + kpiId + ",9,2023-09-30\n" + kpiId + ",たくさん,2023-09-30\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        waitFor(By.id("result-title"));
        List<WebElement> rows = browser.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("受付");
        assertThat(rows.get(1).getText()).contains("不受理").contains("たくさん");
        accessible("upload-result", true);
    }

    @Test
    void theHeadquartersAcknowledgesAnAlertAndSilencesAnother() {
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        HttpJson hq = HttpJson.onPort(system.port(Service.NOTIFICATION)).as(tokens.issue(LocalTokens.DEMO.get("hq")));
        await().atMost(Duration.ofSeconds(60)).until(() -> hq.get("/api/inbox?receiver=promotion-hq&plan=" + planId)
                .json().size() >= 2);

        signIn("setouchi-hq");
        assertThat(browser.getCurrentUrl()).contains("/progress");
        waitFor(By.cssSelector("table.rollup"));
        accessible("progress", true);
        browser.get(portal.url() + "/inbox");
        accessible("inbox", true);

        List<WebElement> alerts = browser.findElements(By.cssSelector("article.alert"));
        assertThat(alerts.size()).isGreaterThanOrEqualTo(2);
        String first = alerts.get(0).getAttribute("id");
        String second = alerts.get(1).getAttribute("id");
        WebElement acknowledge = alerts.get(0).findElement(By.cssSelector("form[action$='/acknowledgement']"));
        acknowledge.findElement(By.name("comment")).sendKeys("10月の推進本部会議で担当課と確認する");
        acknowledge.findElement(By.cssSelector("button")).click();
        awaitNotice("確認を記録しました。");
        assertThat(browser.findElement(By.id(first)).getText()).contains("10月の推進本部会議で担当課と確認する");

        WebElement silence = browser.findElement(By.id(second)).findElement(By.cssSelector("form[action$='/silence']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-10-31'",
                silence.findElement(By.name("endsAt")));
        silence.findElement(By.name("comment")).sendKeys("10月末までの延長を本部長が承認");
        silence.findElement(By.cssSelector("button")).click();
        // the page before still shows the acknowledgement's notice until the answer replaces it
        awaitNotice("通知を停止しました。");
        assertThat(browser.findElement(By.id(second)).getText()).contains("通知停止中");
        assertThat(browser.findElement(By.id("silences-title")).isDisplayed()).isTrue();
        screenshot("inbox");

        String alertId = first.substring("alert-".length());
        JsonNode acknowledged = hq.get("/api/alerts/" + alertId).json();
        assertThat(acknowledged.at("/acknowledgement/by").asString()).as("who: the signed-in person").isEqualTo("setouchi-hq");

        for (String page : List.of("inbox/notifications", "plans", "plans/" + planId, "plans/" + planId + "/diff?from=1&to=1")) {
            browser.get(portal.url() + "/" + page);
            accessible(page.replaceAll("[/?&=]", "-"), page.equals("plans/" + planId));
        }
    }

    @Test
    void theSignInPageIsJapaneseFirstAccessibleAndSaysAWrongPasswordInJapanese() {
        browser.get(portal.url() + "/");
        waitFor(By.name("username"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.getTitle()).isEqualTo("ログイン | 進捗 Shinchoku");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ログイン");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("ユーザー名");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("パスワード");
        assertThat(browser.getPageSource()).doesNotContain("Please sign in").doesNotContain("Whitelabel");
        assertThat(browser.findElements(By.cssSelector("[role=alert]"))).isEmpty();
        accessible("sign-in", true);

        browser.findElement(By.id("username")).sendKeys("setouchi-shimin");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement problem = waitFor(By.cssSelector("main [role=alert]"));
        assertThat(problem.getText())
                .isEqualTo("ログインできませんでした。ユーザー名またはパスワードが正しくありません。入力し直してください。");
        WebElement user = browser.findElement(By.id("username"));
        assertThat(user.getAttribute("aria-describedby")).isEqualTo(problem.getAttribute("id"));
        user.click();
        assertThat(user.getCssValue("outline-style")).as("focus is visible").isEqualTo("solid");
        accessible("sign-in-failed", true);

        String form = browser.getCurrentUrl().replaceFirst("\\?.*", "");
        browser.get(form + "?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        accessible("sign-in-en", false);
        browser.get(form + "?lang=ja");

        // after all that, signing in still goes on to the portal the person came from
        browser.findElement(By.id("username")).sendKeys("setouchi-shimin");
        browser.findElement(By.id("password")).sendKeys(LocalAuthorizationServer.DEMO_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains(portal.url() + "/reports"));
    }

    @Test
    void anUnknownAddressAndAPageOneMayNotSeeGetThePortalsOwnPages() {
        signIn("setouchi-shimin");

        browser.get(portal.url() + "/no-such-page");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("ページが見つかりません");
        assertThat(browser.findElement(By.cssSelector("main [role=alert]")).getText()).contains("アドレスが正しいかご確認ください");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(browser.findElement(By.cssSelector("header.site nav")).getText()).as("the portal's menu").contains("報告一覧");
        assertThat(statusOf("/no-such-page")).isEqualTo(404);
        accessible("not-found", true);

        browser.get(portal.url() + "/no-such-page?lang=en");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Page not found");
        accessible("not-found-en", false);
        browser.get(portal.url() + "/reports?lang=ja");

        // the plan's progress is the 推進本部's: a department is refused by the service, and told so on the page
        browser.get(portal.url() + "/progress");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("このページは表示できません");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(statusOf("/progress")).isEqualTo(403);
        accessible("forbidden", true);
    }

    /**
     * The 推進本部 closes a year (issue 23, item 5): chooses to approve reports, sees a department's report wait (暫定 on
     * its KPI), is told a return needs a reason, approves it; closes 令和4年度, held back first, with a reason then;
     * views the frozen edition and compares it; reopens with a reason; reads the audit trail. Each page passes axe-core.
     */
    @Test
    void theHeadquartersApprovesAReportClosesAYearAndReadsTheAuditTrail() {
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        String kpiId = planId + ".5-1.1";
        signIn("setouchi-hq");
        assertThat(browser.findElement(By.cssSelector("header.site nav")).getText())
                .contains("承認待ち").contains("年度締め").contains("監査記録");

        // the municipality chooses to approve its departments' reports
        browser.get(portal.url() + "/approvals");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("承認待ち");
        accessible("approvals-empty", false);
        browser.findElement(By.id("toggle-approval")).click();
        awaitNotice("報告を承認するようにしました。");
        HttpJson somu = HttpJson.onPort(system.port(Service.MEASUREMENT)).as(tokens.issue(LocalTokens.DEMO.get("somu")));
        try {
            HttpJson.Response reported = somu.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\": 2, \"measuredOn\": \"2023-09-30\"}", java.util.Map.of("Idempotency-Key", "browser-somu-5-1"));
            assertThat(reported.status()).as(reported.body()).isBetween(200, 201);

            browser.get(portal.url() + "/kpis/" + kpiId);
            assertThat(waitFor(By.id("provisional")).getText()).isEqualTo("暫定");
            assertThat(browser.findElement(By.id("years-title")).getText()).isEqualTo("年度ごとの判定");
            accessible("kpi-provisional", true);

            browser.get(portal.url() + "/approvals");
            WebElement group = waitFor(By.cssSelector("section.approval-group"));
            assertThat(group.findElement(By.tagName("h3")).getText()).contains("総務課");
            accessible("approvals", true);

            // a return without a reason is said at its field, and nothing is sent
            group.findElement(By.cssSelector("button.return")).click();
            WebElement error = waitFor(By.cssSelector("form.report p.problem"));
            assertThat(error.getText()).isEqualTo("差戻しの理由を入力してください。担当部署が訂正するときの手がかりになります。");
            assertThat(browser.findElement(By.cssSelector(".flash[role=alert] .problem")).getText()).isEqualTo(error.getText());
            WebElement reason = browser.findElement(By.cssSelector("input[aria-invalid=true]"));
            assertThat(reason.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
            accessible("approvals-return-without-reason", true);

            browser.findElement(By.cssSelector("section.approval-group button.approve")).click();
            awaitNotice("承認しました。");
            assertThat(browser.findElements(By.cssSelector("section.approval-group"))).isEmpty();
        } finally {
            assertThat(HttpJson.onPort(system.port(Service.MEASUREMENT)).as(tokens.issue(LocalTokens.DEMO.get("hq")))
                    .put("/api/municipalities/" + HttpJson.encode("瀬戸内町") + "/approval", "{\"required\": false}")
                    .status()).isEqualTo(200);
        }

        // 令和4年度 has ended (the system runs on 2023-10-02), the year the page shows at first: held back by
        // unreported KPIs, closed with a reason
        browser.findElement(By.linkText("年度締め")).click();
        assertThat(waitFor(By.id("state-title")).getText()).isEqualTo("令和4年度");
        assertThat(browser.findElement(By.id("year-state")).getText()).isEqualTo("締めていません");
        assertThat(browser.findElements(By.cssSelector("table.blockers tbody tr"))).isNotEmpty();
        accessible("fiscal-years", true);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('close-reason').removeAttribute('required')");
        browser.findElement(By.cssSelector("#close-form button")).click();
        WebElement refused = waitFor(By.cssSelector(".flash[role=alert] .problem"));
        assertThat(refused.getText()).contains("令和4年度").contains("理由を添えて締めてください");
        assertThat(browser.findElements(By.cssSelector("table.blockers tbody tr"))).isNotEmpty();
        accessible("fiscal-years-held-back", true);

        browser.findElement(By.id("close-reason")).sendKeys("未報告の指標は令和5年度の推進本部会議で確認する");
        browser.findElement(By.cssSelector("#close-form button")).click();
        awaitNotice("年度を締めました。版を確定しました。");
        assertThat(browser.findElement(By.id("year-state")).getText()).isEqualTo("締め済み");
        assertThat(browser.findElement(By.id("history-title")).isDisplayed()).isTrue();
        accessible("fiscal-years-closed", true);

        browser.findElement(By.cssSelector("table.editions tbody a")).click();
        waitFor(By.cssSelector("table.edition"));
        assertThat(browser.findElements(By.cssSelector("table.edition tbody tr"))).isNotEmpty();
        accessible("edition", true);

        browser.navigate().back();
        browser.findElement(By.cssSelector("#compare-form button")).click();
        waitFor(By.cssSelector("table.compare"));
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("版の比較");
        accessible("editions-compared", false);

        // a reopening needs its reason
        browser.get(portal.url() + "/fiscal-years?plan=" + planId + "&fiscalYear=2022");
        browser.findElement(By.cssSelector("#reopen-form button")).click();
        assertThat(waitFor(By.id("reopen-error")).getText()).isEqualTo("締め解除の理由を入力してください。");
        accessible("fiscal-years-reopen-without-reason", false);
        browser.findElement(By.id("reopen-reason")).sendKeys("総務課の報告漏れを訂正するため");
        browser.findElement(By.cssSelector("#reopen-form button")).click();
        awaitNotice("年度の締めを解除しました。");
        assertThat(browser.findElement(By.id("year-state")).getText()).isEqualTo("締めていません");

        browser.get(portal.url() + "/audit");
        String trail = waitFor(By.cssSelector("table.audit")).getText();
        assertThat(trail).contains("fiscal-year.reopened").contains("fiscal-year.closed").contains("measurement.approved")
                .contains("approval.setting-changed").contains("setouchi-hq");
        assertThat(trail.indexOf("fiscal-year.reopened")).as("newest first").isLessThan(trail.indexOf("fiscal-year.closed"));
        accessible("audit", true);
        browser.get(portal.url() + "/audit?lang=en");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Audit trail");
        accessible("audit-en", false);
        browser.get(portal.url() + "/fiscal-years?plan=" + planId + "&fiscalYear=2022&lang=en");
        accessible("fiscal-years-en", false);
        browser.get(portal.url() + "/audit?lang=ja");
    }

    /**
     * 公表: the 推進本部 opens the edition a close of 令和3年度 froze (a year no other scenario closes), previews what
     * the public would read, publishes it, and is told so when it tries again. The preview passes axe-core.
     */
    @Test
    void theHeadquartersPreviewsAnEditionAndPublishesItOnce() {
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        HttpJson.Response closed = HttpJson.onPort(system.port(Service.MEASUREMENT))
                .as(tokens.issue(LocalTokens.DEMO.get("hq")))
                .post("/api/plans/" + planId + "/fiscal-years/2021/close", "{\"reason\": \"計画の前年度の数値を確定する\"}");
        assertThat(closed.status()).as(closed.body()).isBetween(200, 201);
        String edition = closed.json().at("/history/0/edition").asString();

        signIn("setouchi-hq");
        browser.get(portal.url() + "/fiscal-years?plan=" + planId + "&fiscalYear=2021");
        assertThat(waitFor(By.id("year-state")).getText()).isEqualTo("締め済み");
        browser.findElement(By.linkText(edition)).click();
        waitFor(By.cssSelector("table.edition"));
        browser.findElement(By.id("publication-preview")).click();

        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("公表プレビュー 版 " + edition);
        assertThat(browser.findElement(By.id("publication-state")).getText()).isEqualTo("この版はまだ公表されていません。");
        assertThat(browser.findElement(By.id("private-count")).getText()).matches("非公開の評価指標 \\d+ 件は含みません。");
        assertThat(browser.findElements(By.cssSelector("table.preview tbody tr"))).isNotEmpty();
        accessible("publication-preview", true);

        browser.findElement(By.cssSelector("#publish-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(
                By.cssSelector(".flash .notice"), java.util.regex.Pattern.compile("版 .* を公表しました")));
        assertThat(browser.findElement(By.id("publication-state")).getText()).contains("現在住民が読んでいる版です");
        assertThat(browser.findElement(By.cssSelector("table.publications tbody tr")).getText())
                .contains(edition).contains("令和3年度").contains("setouchi-hq").contains("公表中");
        accessible("publication-published", false);

        // the same edition again: said on the page, not an error page
        browser.findElement(By.cssSelector("#publish-form button")).click();
        WebElement already = waitFor(By.cssSelector(".flash[role=alert] .problem"));
        assertThat(already.getText()).contains(edition).contains("公表済みです").contains("もう一度公表することはできません");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("公表プレビュー 版 " + edition);
        assertThat(browser.findElements(By.cssSelector("table.publications tbody tr")).stream()
                .filter(row -> row.getText().contains(edition))).as("published once").hasSize(1);
        accessible("publication-already-published", false);
    }

    @Test
    void theHeadquartersRevisesThePlanAndRecordsAReviewWithTheRevisionItDecided() {
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        signIn("setouchi-hq");
        browser.get(portal.url() + "/plans/" + planId);
        waitFor(By.id("revise-link")).click();
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("計画の改定");
        accessible("revise", true);

        // a 未設定 target without its deadline: the plan service's problem is said at the field, nothing is made
        browser.findElement(By.id("reason")).sendKeys("地域IoTクラブの目標を推進本部会議で決定");
        choose("setKpi", "地域IoTクラブ（仮称）への登録児童生徒数");
        choose("setKind", "件数など");
        choose("setDirection", "増やす");
        browser.findElement(By.id("setUnit")).sendKeys("人");
        browser.findElement(By.id("setValue")).sendKeys("30");
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        WebElement error = waitFor(By.id("setDue-error"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isNotBlank();
        assertThat(browser.findElement(By.id("setDue")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("setValue")).getAttribute("value")).isEqualTo("30");
        accessible("revise-problem-at-its-field", true);

        // with its deadline, the target is set: a new revision
        date("setDue", "2026-03-31");
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(
                By.cssSelector(".flash .notice"), java.util.regex.Pattern.compile("計画を改定しました（第\\d+版）。")));
        String revised = browser.findElement(By.cssSelector(".flash .notice")).getText();
        int revision = Integer.parseInt(revised.replaceAll("\\D", ""));
        assertThat(browser.findElement(By.id("revisions-title")).getText()).isEqualTo("改定の履歴");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("地域IoTクラブの目標を推進本部会議で決定");

        // the 年度見直し carries the revision it decided, made with it as one set
        waitFor(By.id("review-link")).click();
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("年度見直し");
        accessible("review", true);
        browser.findElement(By.id("fiscalYear")).sendKeys("令和5年度");
        browser.findElement(By.id("note")).sendKeys("情報共有同意数の目標を定める");
        browser.findElement(By.id("reason")).sendKeys("年度見直しで目標を決定");
        choose("setKpi", "瀬戸内町住民のシステムへの情報共有同意数");
        choose("setKind", "件数など");
        choose("setDirection", "増やす");
        browser.findElement(By.id("setUnit")).sendKeys("人");
        browser.findElement(By.id("setValue")).sendKeys("1000");
        date("setDue", "2027-03-31");
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        awaitNotice("年度見直しを記録しました。改定: 第" + (revision + 1) + "版");
        accessible("review-recorded", true);
    }

    @Test
    void theHeadquartersAddsAMilestoneAndAKpiThenRetiresTheKpi() {
        HttpJson plans = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin());
        String planId = plans.get("/api/plans").json().at("/items/0/id").asString();
        signIn("setouchi-hq");
        browser.get(portal.url() + "/plans/" + planId + "/revisions/new");
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("計画の改定");

        // a milestone without its deadline: said at its field, the form kept as written, nothing made
        browser.findElement(By.id("reason")).sendKeys("アクセシビリティの検証を計画に加える");
        choose("nmMeasure", "4-2 Webアクセシビリティ確保のための環境整備");
        browser.findElement(By.id("nmText")).sendKeys("全ページのアクセシビリティ検証");
        choose("akMeasure", "4-2 Webアクセシビリティ確保のための環境整備");
        browser.findElement(By.id("akCode")).sendKeys("checked");
        browser.findElement(By.id("akName")).sendKeys("アクセシビリティ検証済みページ数");
        choose("akKind", "件数など");
        choose("akDirection", "増やす");
        browser.findElement(By.id("akUnit")).sendKeys("ページ");
        browser.findElement(By.id("akValue")).sendKeys("120");
        date("akDue", "2027-03-31");
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        WebElement error = waitFor(By.id("nmDue-error"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isEqualTo("スケジュールの期限を指定してください");
        assertThat(browser.findElement(By.id("nmDue")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("nmText")).getAttribute("value")).isEqualTo("全ページのアクセシビリティ検証");
        accessible("revise-milestone-problem", true);

        // with its deadline: the milestone and the KPI are added as one revision
        date("nmDue", "2027-03-31");
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(
                By.cssSelector(".flash .notice"), java.util.regex.Pattern.compile("計画を改定しました（第\\d+版）。")));
        JsonNode measure = measure(plans.get("/api/plans/" + planId).json(), "4-2");
        assertThat(measure.get("milestones").valueStream().map(m -> m.get("text").asString() + " " + m.at("/due/date").asString()))
                .contains("全ページのアクセシビリティ検証 2027-03-31");
        assertThat(measure.get("kpis").valueStream().filter(k -> k.get("id").asString().equals(planId + ".4-2.checked"))
                .map(k -> k.get("retired").asBoolean())).containsExactly(false);

        // the KPI retired: it stays in the plan, no longer tracked, and no longer offered
        browser.get(portal.url() + "/plans/" + planId + "/revisions/new");
        browser.findElement(By.id("reason")).sendKeys("検証済みページ数は追わない");
        choose("rkKpi", "アクセシビリティ検証済みページ数");
        accessible("revise-retire-kpi", true);
        browser.findElement(By.cssSelector("#revision-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textMatches(
                By.cssSelector(".flash .notice"), java.util.regex.Pattern.compile("計画を改定しました（第\\d+版）。")));
        assertThat(measure(plans.get("/api/plans/" + planId).json(), "4-2").get("kpis").valueStream()
                .filter(k -> k.get("id").asString().equals(planId + ".4-2.checked"))
                .map(k -> k.get("retired").asBoolean())).containsExactly(true);
        browser.get(portal.url() + "/plans/" + planId + "/revisions/new");
        assertThat(waitFor(By.id("rkKpi")).getText()).doesNotContain("アクセシビリティ検証済みページ数");
    }

    private static JsonNode measure(JsonNode plan, String code) {
        return plan.get("pillars").valueStream().flatMap(pillar -> pillar.get("measures").valueStream())
                .filter(m -> m.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    /** Chooses the option of a list whose text contains this. */
    private void choose(String id, String text) {
        org.openqa.selenium.support.ui.Select list = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id(id)));
        list.getOptions().stream().filter(option -> option.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " offers no " + text)).click();
    }

    /** Sets a date field's value as the browser would send it (its typing follows the browser's locale). */
    private void date(String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id(id)), isoDate);
    }

    @Test
    void theHeadquartersPagesAreNotADepartments() {
        signIn("setouchi-shimin");
        assertThat(browser.findElement(By.cssSelector("header.site nav")).getText()).doesNotContain("年度締め");
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        for (String page : List.of("/approvals", "/fiscal-years", "/audit", "/plans/" + planId + "/revisions/new",
                "/plans/" + planId + "/reviews/new")) {
            browser.get(portal.url() + page);
            assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("このページは表示できません");
            assertThat(statusOf(page)).isEqualTo(403);
        }
    }

    /** What the portal answers the signed-in person (the browser's session) at this address, as its status. */
    private int statusOf(String path) {
        Cookie session = browser.manage().getCookieNamed("SHINCHOKU_PORTAL");
        assertThat(session).as("the portal's session cookie").isNotNull();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(portal.url() + path)).header("Accept", "text/html")
                    .header("Cookie", session.getName() + "=" + session.getValue()).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDepartmentSeesAReportTheHeadquartersReturnedAndResubmitsIt() {
        String planId = HttpJson.onPort(system.port(Service.PLAN)).as(tokens.admin()).get("/api/plans").json()
                .at("/items/0/id").asString();
        String kpiId = planId + ".5-1.2";
        HttpJson hq = HttpJson.onPort(system.port(Service.MEASUREMENT)).as(tokens.issue(LocalTokens.DEMO.get("hq")));
        HttpJson somu = HttpJson.onPort(system.port(Service.MEASUREMENT)).as(tokens.issue(LocalTokens.DEMO.get("somu")));
        String approval = "/api/municipalities/" + HttpJson.encode("瀬戸内町") + "/approval";
        assertThat(hq.put(approval, "{\"required\": true}").status()).isEqualTo(200);
        String correction = null;
        try {
            HttpJson.Response reported = somu.post("/api/kpis/" + kpiId + "/measurements",
                    "{\"value\": 3, \"measuredOn\": \"2023-09-30\"}", java.util.Map.of("Idempotency-Key", "browser-returns-5-1-2"));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            String measurementId = reported.json().get("id").asString();
            // the 推進本部 returns it through the API, with its reason
            assertThat(hq.post("/api/measurements/" + measurementId + "/review",
                    "{\"decision\": \"RETURNED\", \"reason\": \"庁外からの接続は含めないでください\"}").status()).isEqualTo(200);

            signIn("setouchi-somu");
            browser.findElement(By.linkText("差し戻された報告")).click();
            WebElement returned = waitFor(By.id("returned-" + measurementId));
            assertThat(browser.findElement(By.cssSelector("main p.lead")).getText()).startsWith("総務課の報告");
            assertThat(returned.findElement(By.tagName("h3")).getText()).isEqualTo("リモートアクセス環境の整備");
            assertThat(returned.getText()).contains("令和5年度").contains("3 件").contains("令和5年9月30日")
                    .contains("庁外からの接続は含めないでください").contains("setouchi-hq");
            accessible("returns", true);

            // a value the service does not take: its words at the field, what was typed kept
            browser.findElement(By.id("value-" + measurementId)).sendKeys("たくさん");
            browser.findElement(By.id("note-" + measurementId)).sendKeys("庁内の接続だけを数え直しました");
            browser.findElement(By.cssSelector("#returned-" + measurementId + " button.resubmit")).click();
            WebElement error = waitFor(By.id("error-value-" + measurementId));
            assertThat(error.getAttribute("role")).isEqualTo("alert");
            assertThat(error.getText()).isEqualTo("実績値「たくさん」は数値ではありません");
            assertThat(browser.findElement(By.id("value-" + measurementId)).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("note-" + measurementId)).getAttribute("value"))
                    .isEqualTo("庁内の接続だけを数え直しました");
            accessible("returns-problem", true);

            WebElement value = browser.findElement(By.id("value-" + measurementId));
            value.clear();
            value.sendKeys("1");
            browser.findElement(By.cssSelector("#returned-" + measurementId + " button.resubmit")).click();
            awaitNotice("「リモートアクセス環境の整備」を再提出しました。推進本部の承認を待っています。");
            assertThat(browser.findElement(By.id("no-returns")).getText()).isEqualTo("差し戻された報告はありません。");
            accessible("returns-resubmitted", false);

            // the correction answers the return and awaits the 推進本部's decision
            JsonNode awaiting = hq.get("/api/plans/" + planId + "/approvals").json().valueStream()
                    .filter(m -> measurementId.equals(m.path("supersedes").asString(""))).findFirst().orElseThrow();
            correction = awaiting.get("measurementId").asString();
            assertThat(awaiting.get("value").asInt()).isEqualTo(1);
            assertThat(awaiting.get("correctionReason").asString()).isEqualTo("庁内の接続だけを数え直しました");
        } finally {
            if (correction != null) {
                assertThat(hq.post("/api/measurements/" + correction + "/review", "{\"decision\": \"APPROVED\"}")
                        .status()).isEqualTo(200);
            }
            assertThat(hq.put(approval, "{\"required\": false}").status()).isEqualTo(200);
        }
    }

    @Test
    void aDepartmentSubmitsItsSelfEvaluationAndTheHeadquartersEvaluatesIt() {
        // 令和4年度 has ended (the system runs on 2023-10-02): the year both pages show at first
        signIn("setouchi-somu");
        browser.findElement(By.linkText("施策評価")).click();
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("施策評価");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("fiscalYear")))
                .getFirstSelectedOption().getText()).isEqualTo("令和4年度（2022）");
        WebElement measure = waitFor(By.id("evaluation-1-1"));
        String title = measure.findElement(By.tagName("h2")).getText().substring("1-1 ".length());
        assertThat(browser.findElement(By.id("state-1-1")).getText()).isEqualTo("作成中");
        assertThat(measure.findElements(By.cssSelector("table.figures tbody tr"))).isNotEmpty();
        accessible("evaluations", true);

        // submitted half-written: each missing field said at its place, what was typed kept
        browser.findElement(By.id("activities-1-1")).sendKeys("ぴったりサービスの対象手続を増やした");
        browser.findElement(By.cssSelector("#evaluation-1-1 button.submit")).click();
        WebElement error = waitFor(By.id("error-results-1-1"));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isEqualTo("実績を入力してください。");
        assertThat(browser.findElement(By.id("results-1-1")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("error-direction-1-1")).getText()).isEqualTo("今後の方向性を選んでください。");
        assertThat(browser.findElement(By.id("activities-1-1")).getAttribute("value")).isEqualTo("ぴったりサービスの対象手続を増やした");
        accessible("evaluations-incomplete", true);

        // a draft kept, then submitted
        browser.findElement(By.id("results-1-1")).sendKeys("オンライン申請は年間120件");
        browser.findElement(By.id("issues-1-1")).sendKeys("窓口での案内が足りない");
        choose("direction-1-1", "拡充");
        choose("grade-1-1", "B");
        browser.findElement(By.cssSelector("#evaluation-1-1 button.save-draft")).click();
        awaitNotice("「" + title + "」の自己評価を下書きとして保存しました。");
        assertThat(browser.findElement(By.id("issues-1-1")).getAttribute("value")).isEqualTo("窓口での案内が足りない");
        browser.findElement(By.cssSelector("#evaluation-1-1 button.submit")).click();
        awaitNotice("「" + title + "」の自己評価を提出しました。推進本部の評価を待っています。");
        assertThat(browser.findElement(By.id("state-1-1")).getText()).isEqualTo("提出済");
        assertThat(browser.findElements(By.cssSelector("#evaluation-1-1 textarea"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#evaluation-1-1 .self-evaluation")).getText())
                .contains("オンライン申請は年間120件").contains("拡充").contains("setouchi-somu");
        accessible("evaluations-submitted", true);
        browser.get(portal.url() + "/evaluations?lang=en");
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("Measure evaluations");
        accessible("evaluations-en", false);
        browser.get(portal.url() + "/evaluations?lang=ja");

        // the 推進本部, in a browser of its own
        closeBrowser();
        openBrowser();
        signIn("setouchi-hq");
        browser.findElement(By.linkText("施策評価（推進本部）")).click();
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("施策評価（推進本部）");
        WebElement submitted = waitFor(By.id("evaluation-1-1"));
        assertThat(submitted.findElement(By.cssSelector(".department")).getText()).isEqualTo("総務課");
        assertThat(browser.findElement(By.id("state-1-1")).getText()).isEqualTo("提出済");
        assertThat(submitted.getText()).contains("窓口での案内が足りない");
        assertThat(browser.findElement(By.id("report-link")).getAttribute("href")).contains("/evaluations/hq/report.xlsx");
        accessible("evaluations-hq", true);

        // without a grade: said at the field
        choose("hq-grade-1-1", "選択してください");
        browser.findElement(By.id("comment-1-1")).sendKeys("窓口での案内を強めること");
        browser.findElement(By.cssSelector("#evaluation-1-1 button.evaluate")).click();
        WebElement gradeError = waitFor(By.id("error-grade-1-1"));
        assertThat(gradeError.getText()).isEqualTo("評価を選んでください。");
        assertThat(browser.findElement(By.id("hq-grade-1-1")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("comment-1-1")).getAttribute("value")).isEqualTo("窓口での案内を強めること");
        accessible("evaluations-hq-incomplete", true);

        choose("hq-grade-1-1", "B");
        choose("hq-direction-1-1", "継続");
        browser.findElement(By.cssSelector("#evaluation-1-1 button.evaluate")).click();
        awaitNotice("「" + title + "」を評価しました。");
        assertThat(browser.findElement(By.id("state-1-1")).getText()).isEqualTo("評価済");
        assertThat(browser.findElement(By.cssSelector("#evaluation-1-1 .hq-evaluation")).getText())
                .contains("窓口での案内を強めること").contains("継続").contains("setouchi-hq");
        accessible("evaluations-hq-evaluated", true);
        browser.get(portal.url() + "/evaluations/hq?lang=en");
        assertThat(waitFor(By.cssSelector("main h1")).getText()).isEqualTo("Measure evaluations (headquarters)");
        accessible("evaluations-hq-en", false);
        browser.get(portal.url() + "/evaluations/hq?lang=ja");

        // the department reads the 推進本部's evaluation; its page for the 推進本部 is not its own
        closeBrowser();
        openBrowser();
        signIn("setouchi-somu");
        assertThat(browser.findElement(By.cssSelector("header.site nav")).getText()).doesNotContain("施策評価（推進本部）");
        browser.get(portal.url() + "/evaluations");
        assertThat(waitFor(By.id("state-1-1")).getText()).isEqualTo("評価済");
        assertThat(browser.findElement(By.cssSelector("#evaluation-1-1 .hq-evaluation")).getText())
                .contains("窓口での案内を強めること").contains("継続");
        accessible("evaluations-evaluated", false);
        browser.get(portal.url() + "/evaluations/hq");
        assertThat(browser.findElement(By.cssSelector("main h1")).getText()).isEqualTo("このページは表示できません");
        assertThat(statusOf("/evaluations/hq")).isEqualTo(403);
    }

    private void signIn(String user) {
        Chromium.signIn(browser, portal.url(), user);
    }

    private void awaitNotice(String text) {
        Chromium.awaitNotice(browser, text);
    }

    private WebElement waitFor(By what) {
        return Chromium.waitFor(browser, what);
    }

    private void accessible(String name, boolean screenshot) {
        Chromium.accessible(browser, name, screenshot);
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, name);
    }
}
