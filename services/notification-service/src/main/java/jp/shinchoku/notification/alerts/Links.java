package jp.shinchoku.notification.alerts;

/**
 * Where links in alerts point. A rule writes a link as {@code <service>:<path>} — {@code plan:/api/milestones?…}
 * or {@code measurement:/api/kpis/…/progress} — and this turns it into a whole URL on that service's address (the
 * same address for all three behind a gateway).
 */
public record Links(String plan, String measurement, String notification) {

    public static final Links LOCAL = new Links("http://localhost:8081", "http://localhost:8082", "http://localhost:8083");

    public static String plan(String path) {
        return "plan:" + path;
    }

    public static String measurement(String path) {
        return "measurement:" + path;
    }

    /** The whole URL of a link; null for none. */
    public String resolve(String link) {
        if (link == null) {
            return null;
        }
        int colon = link.indexOf(':');
        String service = colon < 0 ? "" : link.substring(0, colon);
        String path = colon < 0 ? link : link.substring(colon + 1);
        return switch (service) {
            case "plan" -> strip(plan) + path;
            case "measurement" -> strip(measurement) + path;
            default -> strip(notification) + path;
        };
    }

    /** The inbox of a receiver. */
    public String inbox(String receiver) {
        return strip(notification) + "/api/inbox?receiver=" + receiver;
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
