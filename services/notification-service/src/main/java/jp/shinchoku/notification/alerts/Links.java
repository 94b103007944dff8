package jp.shinchoku.notification.alerts;

/**
 * Where links in alerts point. A rule writes a link as {@code <service>:<path>} — {@code plan:/api/milestones?…}
 * or {@code measurement:/api/kpis/…/progress} — and this turns it into a whole URL: the page of the web portal that
 * shows the same thing where there is a portal ({@code portal}), or else that service's API (the same address for all
 * three behind a gateway).
 */
public record Links(String plan, String measurement, String notification, String portal) {

    public static final Links LOCAL = new Links("http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
            null);

    public Links(String plan, String measurement, String notification) {
        this(plan, measurement, notification, null);
    }

    private static final java.util.regex.Pattern KPI = java.util.regex.Pattern.compile("/api/kpis/([^/?#]+)/progress");
    private static final java.util.regex.Pattern DUE = java.util.regex.Pattern.compile("/api/plans/([^/?#]+)/departments/[^/?#]+/due");
    private static final java.util.regex.Pattern MILESTONES = java.util.regex.Pattern.compile("/api/milestones\\?plan=([^&#]+).*");
    private static final java.util.regex.Pattern PLAN = java.util.regex.Pattern.compile("/api/plans/([^/?#]+)(/reviews)?");

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
        String page = portal == null || portal.isBlank() ? null : page(path);
        if (page != null) {
            return strip(portal) + page;
        }
        return switch (service) {
            case "plan" -> strip(plan) + path;
            case "measurement" -> strip(measurement) + path;
            default -> strip(notification) + path;
        };
    }

    /** The inbox of a receiver: the portal's inbox page, or the inbox API. */
    public String inbox(String receiver) {
        return portal == null || portal.isBlank() ? strip(notification) + "/api/inbox?receiver=" + receiver
                : strip(portal) + "/inbox";
    }

    /** The portal page that shows what an API path does, or null where there is none. */
    private static String page(String path) {
        java.util.regex.Matcher m;
        if ((m = KPI.matcher(path)).matches()) {
            return "/kpis/" + m.group(1);
        }
        if ((m = DUE.matcher(path)).matches() || (m = MILESTONES.matcher(path)).matches()) {
            return "/reports?plan=" + m.group(1);
        }
        if ((m = PLAN.matcher(path)).matches()) {
            return "/plans/" + m.group(1);
        }
        return null;
    }

    private static String strip(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
