package jp.shinchoku.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.MilestoneStatusChangedV1;
import jp.shinchoku.contracts.plan.PlanPublishedV1;
import jp.shinchoku.notification.alerts.config.ScheduledEvaluation;
import jp.shinchoku.notification.delivery.config.DeliveryConfiguration;
import jp.shinchoku.notification.delivery.messaging.WebhookChannel;
import jp.shinchoku.testsupport.EventProbe;
import jp.shinchoku.testsupport.HttpJson;
import jp.shinchoku.testsupport.MovableClock;
import jp.shinchoku.testsupport.SharedInfrastructure;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import jp.shinchoku.testsupport.TestEvents;
import jp.shinchoku.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * March 2025 in 三条市-like municipality: three milestones of one measure, told to the department and the 推進本部 by
 * inbox, email (a real SMTP server, GreenMail) and webhooks (a real HTTP server), with grouping, inhibition,
 * acknowledgement, escalation of what was left unacknowledged, a silence, repeats and resolution.
 */
@ShinchokuServiceTest(properties = {
        "shinchoku.notification.evaluation.cron=-",
        "shinchoku.notification.delivery.interval=P1D",
        "shinchoku.notification.delivery.max-attempts=3",
        "shinchoku.notification.delivery.initial-backoff=PT1M",
        "shinchoku.notification.webhook.allowed-hosts=127.0.0.1"})
@Import(AMonthOfMilestonesTest.Time.class)
@ExtendWith(OutputCaptureExtension.class)
class AMonthOfMilestonesTest {

    static final String MUNICIPALITY = "9" + (100000 + new java.util.Random().nextInt(800000));
    static final String PREFIX = "shinchoku.notification.municipalities." + MUNICIPALITY + ".receivers.";
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final HttpServer HOOKS;
    static final List<Map<String, String>> CALLS = new CopyOnWriteArrayList<>();
    static final AtomicInteger OK_CALLS = new AtomicInteger();

    static {
        SMTP.start();
        try {
            HOOKS = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // answers 503 twice, then 200
        HOOKS.createContext("/ok", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CALLS.add(Map.of("body", body,
                    "timestamp", exchange.getRequestHeaders().getFirst(WebhookChannel.TIMESTAMP),
                    "signature", exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE)));
            exchange.sendResponseHeaders(OK_CALLS.incrementAndGet() <= 2 ? 503 : 200, -1);
            exchange.close();
        });
        HOOKS.createContext("/down", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        HOOKS.start();
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("shinchoku.notification.grouping.group-by", () -> "municipality,planId");
        registry.add(PREFIX + "promotion-hq.email[0]", () -> "suishin@city.example.lg.jp");
        registry.add(PREFIX + "[department:somu].email[0]", () -> "somu@city.example.lg.jp");
        String hooks = "http://127.0.0.1:" + HOOKS.getAddress().getPort();
        registry.add(PREFIX + "cio.webhooks[0].url", () -> hooks + "/ok");
        registry.add(PREFIX + "cio.webhooks[0].secret", () -> "s3cret");
        registry.add(PREFIX + "cio.webhooks[1].url", () -> hooks + "/down");
        registry.add(PREFIX + "cio.webhooks[1].secret", () -> "s3cret");
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        HOOKS.stop(0);
    }

    @TestConfiguration
    static class Time {
        @Bean
        MovableClock clock() {
            return MovableClock.at(LocalDate.of(2025, 3, 3));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ScheduledEvaluation.Evaluation evaluation;

    @Autowired
    DeliveryConfiguration.Telling telling;

    final String kafka = SharedInfrastructure.get().bootstrapServers();
    final String planId = "pln-" + UUID.randomUUID().toString().substring(0, 8);
    final String m1 = planId + ".2-1.m1";
    final String m2 = planId + ".2-1.m2";
    final String m3 = planId + ".2-1.m3";
    HttpJson http;
    EventProbe probe;

    @BeforeEach
    void open() {
        http = HttpJson.onPort(port);
        probe = EventProbe.open(kafka, Topics.ALERT_EVENTS, Topics.ALERT_DELIVERIES);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aMonthOfMilestones(CapturedOutput output) throws Exception {
        // Mon 3 March: m1 due tomorrow, m2 due 31 March, m3 overdue since 28 February
        TestEvents.publish(kafka, Events.PLAN_PUBLISHED, plan());
        await().untilAsserted(() -> assertThat(firing("department:somu")).hasSize(4));
        assertThat(rules("department:somu")).containsExactlyInAnyOrder("MILESTONE_DUE_SOON/1d", "MILESTONE_DUE_SOON/30d",
                "MILESTONE_DUE_SOON/1d", "MILESTONE_OVERDUE/");
        JsonNode m3DueSoon = alert("department:somu", "MILESTONE_DUE_SOON", m3);
        assertThat(m3DueSoon.get("inhibitedBy").get(0).asString()).isEqualTo(alert("promotion-hq", "MILESTONE_OVERDUE", m3)
                .get("id").asString());

        telling.run();
        assertThat(told("department:somu")).as("the group waits five minutes before its first message").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        telling.run();
        JsonNode first = told("department:somu").getFirst();
        assertThat(first.get("notification").get("reason").asString()).isEqualTo("FIRST");
        assertThat(first.get("notification").get("items").findValuesAsString("alertId"))
                .as("one message with every alert but the inhibited one").hasSize(3);
        assertThat(first.get("deliveries").findValuesAsString("channel")).containsExactlyInAnyOrder("inbox", "email");
        assertThat(first.get("deliveries").findValuesAsString("status")).containsOnly("DELIVERED");
        MimeMessage mail = mails("somu@city.example.lg.jp").getFirst();
        assertThat(mail.getSubject()).isEqualTo("【重要】[進捗] 担当部署（somu）へのお知らせ：未対応 3 件 / Shinchoku: 3 firing, 0 resolved");
        String body = (String) mail.getContent();
        assertThat(body).contains("スケジュール「電子申請システムの調達」の期限 令和7年3月4日（2025-03-04） が近づいています（未完了）")
                .contains("http://localhost:8081/api/milestones?plan=" + planId + "#" + m1)
                .contains("---- English ----");
        assertThat(told("promotion-hq")).hasSize(1);
        assertThat(mails("suishin@city.example.lg.jp")).hasSize(1);

        // Tue 4 March: nothing changed, nothing told
        day(LocalDate.of(2025, 3, 4));
        assertThat(told("department:somu")).hasSize(1);

        // Wed 5 March: m1 overdue mutes its due-soon alert; both receivers get an update at once
        day(LocalDate.of(2025, 3, 5));
        JsonNode update = told("department:somu").getFirst();
        assertThat(update.get("notification").get("reason").asString()).isEqualTo("UPDATE");
        assertThat(update.get("notification").get("items").valueStream().map(i -> i.get("rule").asString()))
                .containsExactlyInAnyOrder("MILESTONE_DUE_SOON", "MILESTONE_OVERDUE", "MILESTONE_OVERDUE");
        assertThat(told("promotion-hq")).hasSize(2);

        // the 推進本部 acknowledges m1's overdue alert with what is being done (who: the signed-in person)
        String m1Overdue = alert("promotion-hq", "MILESTONE_OVERDUE", m1).get("id").asString();
        HttpJson yamada = http.as(TestTokens.token("情報政策課 山田", List.of("HQ"), MUNICIPALITY, null, List.of()));
        HttpJson suzuki = http.as(TestTokens.token("情報政策課 鈴木", List.of("HQ"), MUNICIPALITY, null, List.of()));
        assertThat(yamada.post("/api/alerts/" + m1Overdue + "/acknowledgement", "{\"acknowledgedBy\":\"情報政策課 山田\"}")
                .status()).isEqualTo(400);
        HttpJson.Response essay = yamada.post("/api/alerts/" + m1Overdue + "/acknowledgement",
                "{\"comment\":\"" + "確認".repeat(1001) + "\"}");
        assertThat(essay.status()).as("a comment of 2,002 characters").isEqualTo(400);
        assertThat(essay.json().get("type").asString()).endsWith("too-long");
        assertThat(essay.json().get("detail").asString()).contains("2000");
        HttpJson.Response ack = yamada.post("/api/alerts/" + m1Overdue + "/acknowledgement",
                "{\"acknowledgedBy\":\"情報政策課 山田\",\"comment\":\"調達は3月10日に契約予定と総務課に確認\"}");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().get("acknowledgement").get("by").asString()).isEqualTo("情報政策課 山田");
        HttpJson.Response again = suzuki.post("/api/alerts/" + m1Overdue + "/acknowledgement",
                "{\"acknowledgedBy\":\"情報政策課 鈴木\",\"comment\":\"重複\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("情報政策課 山田");
        assertThat(probe.awaitEvent(Events.ALERT_ACKNOWLEDGED, e -> e.alertId().equals(m1Overdue)).comment())
                .isEqualTo("調達は3月10日に契約予定と総務課に確認");
        assertThat(http.get("/api/inbox?receiver=promotion-hq&acknowledged=false&plan=" + planId).json()
                .findValuesAsString("id")).doesNotContain(m1Overdue).hasSize(1);

        // Thu 6 March: m3's overdue alert, raised on Monday, is three business days unacknowledged: the CIO is told
        day(LocalDate.of(2025, 3, 6));
        assertThat(alert("promotion-hq", "MILESTONE_OVERDUE", m3).get("receivers").valueStream().map(JsonNode::asString))
                .contains("cio");
        JsonNode toCio = told("cio").getFirst();
        assertThat(toCio.get("notification").get("items").findValuesAsString("alertId")).hasSize(1);
        // the webhook answers 503 twice: tried again after 1 and 2 minutes, then delivered; the other never works
        assertThat(CALLS).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        telling.run();
        clock.advance(Duration.ofMinutes(2));
        telling.run();
        assertThat(CALLS).hasSize(3);
        Map<String, String> call = CALLS.getLast();
        assertThat(call.get("signature")).isEqualTo("sha256=" + WebhookChannel.sign("s3cret",
                call.get("timestamp") + "." + call.get("body")));
        assertThat(call.get("body")).contains("\"receiver\":\"cio\"").contains("\"escalated\":true");
        String notificationId = toCio.get("notification").get("id").asString();
        var delivered = probe.awaitEvent(Events.ALERT_DELIVERED,
                e -> e.notificationId().equals(notificationId) && e.channel().equals("webhook") && e.outcome().equals("delivered"));
        assertThat(delivered.attempts()).isEqualTo(3);
        var dead = probe.awaitEvent(Events.ALERT_DELIVERED,
                e -> e.notificationId().equals(notificationId) && e.outcome().equals("dead-lettered"));
        assertThat(dead.target()).endsWith("/down");
        assertThat(dead.error()).isEqualTo("webhook answered HTTP 500");
        JsonNode deadLetters = http.get("/api/deliveries?status=DEAD_LETTERED").json();
        assertThat(deadLetters.findValuesAsString("id")).contains(dead.deliveryId());
        assertThat(http.post("/api/deliveries/" + delivered.deliveryId() + "/retry", "").status()).isEqualTo(409);
        assertThat(http.post("/api/deliveries/" + dead.deliveryId() + "/retry", "").json().get("status").asString())
                .isEqualTo("PENDING");

        // the department's extension of m3 is approved until 31 March: the 推進本部 silences it, with a reason
        HttpJson tanaka = http.as(TestTokens.token("総務課 田中", List.of("HQ"), MUNICIPALITY, null, List.of()));
        assertThat(tanaka.post("/api/silences", "{\"matchers\":[\"milestoneId=" + m3 + "\"],\"endsAt\":\"2025-03-31\","
                + "\"createdBy\":\"総務課 田中\"}").status()).isEqualTo(400);
        assertThat(tanaka.post("/api/silences", "{\"matchers\":[\"milestoneId~" + m3 + "\"],\"endsAt\":\"2025-03-31\","
                + "\"createdBy\":\"総務課 田中\",\"comment\":\"延長承認\"}").status()).isEqualTo(400);
        String elevenMatchers = String.join(",", java.util.Collections.nCopies(11, "\"milestoneId=" + m3 + "\""));
        assertThat(tanaka.post("/api/silences", "{\"matchers\":[" + elevenMatchers + "],\"endsAt\":\"2025-03-31\","
                + "\"comment\":\"延長承認\"}").status()).as("at most 10 matchers").isEqualTo(400);
        assertThat(tanaka.post("/api/silences", "{\"matchers\":[\"milestoneId=~" + "a".repeat(201) + "\"],"
                + "\"endsAt\":\"2025-03-31\",\"comment\":\"延長承認\"}").status()).as("a pattern of 201 characters")
                .isEqualTo(400);
        assertThat(tanaka.post("/api/silences", "{\"matchers\":[\"milestoneId=" + m3 + "\"],\"endsAt\":\"2025-03-31\","
                + "\"comment\":\"" + "x".repeat(2001) + "\"}").status()).as("a comment of 2,001 characters").isEqualTo(400);
        HttpJson.Response silence = tanaka.post("/api/silences", "{\"matchers\":[\"milestoneId=" + m3 + "\"],"
                + "\"endsAt\":\"2025-03-31\",\"createdBy\":\"総務課 田中\",\"comment\":\"3月末までの延長を本部長が承認\"}");
        assertThat(silence.status()).isEqualTo(201);
        assertThat(silence.json().get("state").asString()).isEqualTo("active");
        assertThat(alert("promotion-hq", "MILESTONE_OVERDUE", m3).get("silencedBy").get(0).asString())
                .isEqualTo(silence.json().get("id").asString());

        // Wed 12 March: a week after the last update the department, with unacknowledged alerts, is told again;
        // the 推進本部's only unmuted alert is acknowledged, so it is not
        int toHq = told("promotion-hq").size();
        day(LocalDate.of(2025, 3, 12));
        assertThat(told("department:somu").getFirst().get("notification").get("reason").asString()).isEqualTo("REPEAT");
        assertThat(told("department:somu").getFirst().get("notification").get("items").findValuesAsString("alertId"))
                .as("m3's alerts are silenced").hasSize(2);
        assertThat(told("promotion-hq")).hasSize(toHq);

        // Thu 13 March: m1 done resolves its alerts; the department hears of it
        TestEvents.publish(kafka, Events.MILESTONE_STATUS_CHANGED, new MilestoneStatusChangedV1(planId, m1, "2-1", "somu",
                "電子申請システムの調達", LocalDate.of(2025, 3, 4), null, "delayed", "done", "3月10日契約済み", "総務課 田中",
                Instant.parse("2025-03-13T01:00:00Z")));
        var resolved = probe.awaitEvent(Events.ALERT_RESOLVED, e -> e.alertId().equals(m1Overdue));
        assertThat(resolved.firstRaisedAt()).isBefore(resolved.resolvedAt());
        day(LocalDate.of(2025, 3, 13));
        JsonNode resolution = told("department:somu").getFirst().get("notification");
        assertThat(resolution.get("reason").asString()).isEqualTo("UPDATE");
        assertThat(resolution.get("items").valueStream().filter(i -> i.get("state").asString().equals("RESOLVED"))
                .map(i -> i.get("alertId").asString())).contains(m1Overdue);
        assertThat(mails("somu@city.example.lg.jp").getLast().getSubject()).contains("解消 ");

        // the silence is ended early by whoever approved it (the signed-in 推進本部); it is kept, expired
        String silenceId = silence.json().get("id").asString();
        HttpJson.Response ended = tanaka.delete("/api/silences/" + silenceId);
        assertThat(ended.json().get("state").asString()).isEqualTo("expired");
        assertThat(ended.json().get("expiredBy").asString()).isEqualTo("総務課 田中");
        assertThat(http.get("/api/silences?state=active").json().findValuesAsString("id")).doesNotContain(silenceId);
        assertThat(alert("promotion-hq", "MILESTONE_OVERDUE", m3).get("silencedBy")).isEmpty();

        // each acknowledgement and silence is in the 推進本部's audit trail: who, what, before and after
        JsonNode trail = tanaka.get("/api/audit").json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString() + " " + e.get("actor").asString()))
                .containsExactly("silence.expired 総務課 田中", "silence.created 総務課 田中",
                        "alert.acknowledged 情報政策課 山田");
        JsonNode acknowledged = trail.get(2);
        assertThat(acknowledged.get("target").asString()).isEqualTo(m1Overdue);
        assertThat(acknowledged.at("/before/state").asString()).isEqualTo("FIRING");
        assertThat(acknowledged.at("/after/comment").asString()).isEqualTo("調達は3月10日に契約予定と総務課に確認");
        assertThat(trail.get(1).at("/after/matchers").asString()).contains("milestoneId=" + m3)
                .contains("municipality=" + MUNICIPALITY);
        assertThat(tanaka.get("/api/audit/export").body()).contains("alert.acknowledged");

        // people's addresses went out in mail, never into a log line of the service (the test's mail server logs its own)
        assertThat(output.getAll().lines().filter(line -> !line.contains("greenmail"))
                .filter(line -> line.contains("@city.example.lg.jp"))).isEmpty();
    }

    /** A day's 09:00 evaluation, then telling at 09:00 and 09:05. */
    private void day(LocalDate day) {
        clock.moveTo(day);
        assertThat(evaluation.run()).isTrue();
        telling.run();
        clock.advance(Duration.ofMinutes(5));
        telling.run();
    }

    private PlanPublishedV1 plan() {
        List<PlanPublishedV1.Milestone> milestones = List.of(
                new PlanPublishedV1.Milestone(m1, "電子申請システムの調達", LocalDate.of(2025, 3, 4), null, "in-progress"),
                new PlanPublishedV1.Milestone(m2, "庁内ペーパーレス化の方針策定", LocalDate.of(2025, 3, 31), null, "not-started"),
                new PlanPublishedV1.Milestone(m3, "公衆無線LANの整備", LocalDate.of(2025, 2, 28), null, "delayed"));
        return new PlanPublishedV1(planId, new PlanPublishedV1.Municipality(MUNICIPALITY, "試験市", "新潟県"),
                "試験市DX推進計画", LocalDate.of(2024, 4, 1), 1, List.of(new PlanPublishedV1.Pillar("2", "行政のデジタル化",
                        List.of(new PlanPublishedV1.Measure("2-1", "庁内DX", "somu", List.of(), milestones, false)))),
                Instant.parse("2025-03-03T00:00:00Z"));
    }

    private List<JsonNode> firing(String receiver) {
        return http.get("/api/inbox?state=FIRING&receiver=" + receiver + "&plan=" + planId).json().valueStream().toList();
    }

    private List<String> rules(String receiver) {
        return firing(receiver).stream().map(a -> a.get("rule").asString() + "/"
                + (a.get("labels").path("within").isMissingNode() ? "" : a.get("labels").get("within").asString())).toList();
    }

    private JsonNode alert(String receiver, String rule, String milestoneId) {
        return firing(receiver).stream().filter(a -> a.get("rule").asString().equals(rule)
                && a.get("labels").get("milestoneId").asString().equals(milestoneId)).findFirst().orElse(null);
    }

    /** The messages to the receiver about this plan, the latest first. */
    private List<JsonNode> told(String receiver) {
        return http.get("/api/notifications?receiver=" + receiver).json().valueStream()
                .filter(n -> planId.equals(n.get("notification").get("groupLabels").path("planId").asString(null)))
                .toList();
    }

    private static List<MimeMessage> mails(String to) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                found.add(message);
            }
        }
        return found;
    }
}
