package jp.shinchoku.notification.delivery.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.delivery.Channel;
import jp.shinchoku.notification.delivery.Endpoint;
import jp.shinchoku.notification.delivery.Notification;
import jp.shinchoku.notification.delivery.NotificationText;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook: the notification as JSON, POSTed to a URL whose host is on the allow-list, signed so the receiver can
 * tell it came from here and was not replayed: {@code X-Shinchoku-Timestamp} (epoch seconds) and
 * {@code X-Shinchoku-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret>}.
 * A 2xx answer is success; 408, 429, 5xx and I/O errors are tried again; other answers and hosts off the allow-list
 * are not.
 */
public class WebhookChannel implements Channel {

    public static final String SIGNATURE = "X-Shinchoku-Signature";
    public static final String TIMESTAMP = "X-Shinchoku-Timestamp";
    public static final String NOTIFICATION = "X-Shinchoku-Notification";

    private final HttpClient http;
    private final JsonMapper json;
    private final Set<String> allowedHosts;
    private final Map<String, String> secrets;
    private final Links links;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param allowedHosts the hosts that may be called (case-insensitive); none means no webhook may be called
     * @param secrets      each webhook URL's signing secret
     */
    public WebhookChannel(JsonMapper json, List<String> allowedHosts, Map<String, String> secrets, Links links,
            Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.secrets = Map.copyOf(secrets);
        this.links = links;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return Endpoint.WEBHOOK;
    }

    /** Whether the URL's host is on the allow-list (and the URL is http or https). */
    public boolean allowed(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void send(Notification notification, String target) throws DeliveryFailure {
        if (!allowed(target)) {
            throw new DeliveryFailure("host not on the webhook allow-list: " + target, true, null);
        }
        String secret = secrets.get(target);
        if (secret == null || secret.isBlank()) {
            throw new DeliveryFailure("no signing secret is configured for " + target, true, null);
        }
        String body = json.writeValueAsString(body(notification));
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
                .header(NOTIFICATION, notification.id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailure("webhook unreachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            throw new DeliveryFailure("webhook answered HTTP " + status, !retryable, null);
        }
    }

    /** The HMAC-SHA256 of the text with the secret, in lower-case hex. */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> body(Notification notification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", notification.id());
        body.put("receiver", notification.receiver());
        body.put("reason", notification.reason().name());
        body.put("groupLabels", notification.groupLabels());
        body.put("subject", NotificationText.subject(notification));
        body.put("text", NotificationText.body(notification, links));
        body.put("createdAt", notification.createdAt().toString());
        body.put("alerts", notification.items().stream().map(item -> {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("alertId", item.alertId());
            alert.put("rule", item.rule().name());
            alert.put("ruleJa", item.rule().label());
            alert.put("severity", item.severity().name());
            alert.put("state", item.state().name());
            alert.put("labels", item.labels());
            alert.put("summaryJa", item.summaryJa());
            alert.put("summaryEn", item.summaryEn());
            alert.put("link", links.resolve(item.link()));
            alert.put("firstRaisedAt", item.firstRaisedAt().toString());
            alert.put("acknowledged", item.acknowledged());
            alert.put("escalated", item.escalated());
            return alert;
        }).toList());
        return body;
    }
}
