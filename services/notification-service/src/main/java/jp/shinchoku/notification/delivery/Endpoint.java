package jp.shinchoku.notification.delivery;

/** Where a receiver is told: the in-app inbox, an email address, or a webhook URL. */
public record Endpoint(String channel, String target) {

    public static final String INBOX = "inbox";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public static final Endpoint INBOX_ENDPOINT = new Endpoint(INBOX, null);
}
