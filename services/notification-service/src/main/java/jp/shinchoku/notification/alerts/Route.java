package jp.shinchoku.notification.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which receivers are told of the alerts whose labels match, as in Alertmanager: a municipality's routes are tried in
 * order; the first that matches decides, unless it says {@code continueMatching}, in which case later matching
 * routes add their receivers. Where none matches, the rule's own default receivers are told.
 *
 * @param receivers {@code promotion-hq}, {@code cio}, {@code department} (the alert's department),
 *                  {@code department:<code>}, or any receiver configured with channels
 */
public record Route(List<LabelMatcher> matchers, List<String> receivers, boolean continueMatching) {

    public Route {
        matchers = List.copyOf(matchers);
        receivers = List.copyOf(receivers);
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("a route names at least one receiver");
        }
    }

    /** The receivers the routes choose for an alert of the rule with these labels, in order, without repeats. */
    public static List<String> receivers(List<Route> routes, AlertRule rule, Map<String, String> labels) {
        List<String> chosen = new ArrayList<>();
        for (Route route : routes) {
            if (LabelMatcher.all(route.matchers(), labels)) {
                chosen.addAll(route.receivers());
                if (!route.continueMatching()) {
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(rule.defaultReceivers());
        }
        Set<String> resolved = new LinkedHashSet<>();
        for (String receiver : chosen) {
            String name = Receiver.resolve(receiver, labels);
            if (name != null) {
                resolved.add(name);
            }
        }
        if (resolved.isEmpty()) {
            // a department alert without a department still reaches someone
            resolved.add(Receiver.PROMOTION_HQ);
        }
        return List.copyOf(resolved);
    }
}
