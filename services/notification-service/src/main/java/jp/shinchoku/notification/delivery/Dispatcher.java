package jp.shinchoku.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertRule;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.LabelMatcher;

/**
 * Tells receivers of their alerts, as Alertmanager's dispatcher does: each receiver's alerts are grouped by the
 * group-by labels; a new group waits the group wait before its first message; a group whose alerts changed (raised or
 * resolved) is told again no sooner than the group interval; an unchanged group with unacknowledged firing alerts is
 * told again after the repeat interval (informational alerts are told once). Silenced and inhibited alerts are not told. Each message goes to the
 * receiver's inbox and every email address and webhook it has; the log keeps who was told what and when.
 */
public class Dispatcher {

    private final AlertService alerts;
    private final NotificationGroupRepository groups;
    private final SilenceRepository silences;
    private final NotificationLog log;
    private final ReceiverDirectory directory;
    private final GroupSettings.Policy policy;
    private final Clock clock;

    public Dispatcher(AlertService alerts, NotificationGroupRepository groups, SilenceRepository silences,
            NotificationLog log, ReceiverDirectory directory, GroupSettings.Policy policy, Clock clock) {
        this.alerts = alerts;
        this.groups = groups;
        this.silences = silences;
        this.log = log;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    /** What a flush did. */
    public record Outcome(int groups, int notified, int muted) {
    }

    /** Why an alert is not told: the silences that match it, or the alerts that inhibit it. */
    public record Muting(List<String> silencedBy, List<String> inhibitedBy) {
        public boolean muted() {
            return !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
        }
    }

    private record Member(Alert alert, String receiver, String key, Map<String, String> groupLabels) {
    }

    public Outcome flush() {
        Instant now = clock.instant();
        List<Alert> firing = alerts.firing();
        Map<String, NotificationGroup> known = groups.findAll().stream()
                .collect(Collectors.toMap(NotificationGroup::key, Function.identity()));
        Set<String> firingIds = firing.stream().map(Alert::id).collect(Collectors.toSet());
        Set<String> toldIds = new HashSet<>();
        known.values().forEach(g -> toldIds.addAll(g.notified()));
        toldIds.removeAll(firingIds);
        List<Alert> resolvedSinceTold = alerts.findAll(toldIds).stream().filter(a -> !a.isFiring()).toList();

        List<Silence> active = silences.findAll().stream().filter(s -> s.isActive(now)).toList();
        Inhibitors inhibitors = new Inhibitors(firing);
        int muted = 0;
        Map<String, List<Member>> members = new LinkedHashMap<>();
        for (Alert alert : concat(firing, resolvedSinceTold)) {
            if (alert.isFiring() && muting(alert, inhibitors, active, now).muted()) {
                muted++;
                continue;
            }
            GroupSettings settings = policy.forMunicipality(alert.labels().get("municipality"));
            for (String receiver : alert.receivers()) {
                Map<String, String> groupLabels = new TreeMap<>();
                settings.groupBy().forEach(name -> groupLabels.put(name, alert.labels().getOrDefault(name, "")));
                String key = groupKey(receiver, groupLabels);
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(new Member(alert, receiver, key, groupLabels));
            }
        }
        Set<String> keys = new HashSet<>(known.keySet());
        keys.addAll(members.keySet());
        int notified = 0;
        for (String key : keys.stream().sorted().toList()) {
            notified += flushGroup(key, known.get(key), members.getOrDefault(key, List.of()), now) ? 1 : 0;
        }
        return new Outcome(keys.size(), notified, muted);
    }

    private boolean flushGroup(String key, NotificationGroup known, List<Member> members, Instant now) {
        List<Alert> firingNow = members.stream().map(Member::alert).filter(Alert::isFiring)
                .sorted(Comparator.comparing(Alert::firstRaisedAt).thenComparing(Alert::id)).toList();
        List<String> firingIds = firingNow.stream().map(Alert::id).toList();
        List<Alert> resolved = known == null ? List.of() : members.stream().map(Member::alert)
                .filter(a -> !a.isFiring() && known.notified().contains(a.id()))
                .sorted(Comparator.comparing(Alert::firstRaisedAt).thenComparing(Alert::id)).toList();
        if (firingNow.isEmpty() && resolved.isEmpty()) {
            if (known != null) {
                groups.delete(key);
            }
            return false;
        }
        Member first = members.getFirst();
        GroupSettings settings = policy.forMunicipality(first.groupLabels().get("municipality") == null
                ? first.alert().labels().get("municipality") : first.groupLabels().get("municipality"));
        NotificationGroup group = known != null ? known
                : new NotificationGroup(key, first.receiver(), first.groupLabels(), now, null, List.of());
        Notification.Reason reason;
        if (group.lastNotifiedAt() == null) {
            if (firingNow.isEmpty() || now.isBefore(group.createdAt().plus(settings.groupWait()))) {
                groups.save(group);
                return false;
            }
            reason = Notification.Reason.FIRST;
        } else {
            boolean raised = firingIds.stream().anyMatch(id -> !group.notified().contains(id));
            if (raised || !resolved.isEmpty()) {
                if (now.isBefore(group.lastNotifiedAt().plus(settings.groupInterval()))) {
                    return false;
                }
                reason = Notification.Reason.UPDATE;
            } else {
                // alerts may have left the group silently (muted): the group remembers only what still fires
                // informational alerts (達成) are told once; only warnings and critical ones are repeated
                boolean unacknowledged = firingNow.stream()
                        .anyMatch(a -> !a.isAcknowledged() && a.severity() != AlertRule.Severity.INFO);
                if (!unacknowledged || now.isBefore(group.lastNotifiedAt().plus(settings.repeatInterval()))) {
                    if (!firingIds.equals(group.notified())) {
                        groups.save(group.withNotified(firingIds));
                    }
                    return false;
                }
                reason = Notification.Reason.REPEAT;
            }
        }
        List<Notification.Item> items = new ArrayList<>();
        firingNow.forEach(a -> items.add(Notification.Item.of(a)));
        resolved.forEach(a -> items.add(Notification.Item.of(a)));
        Notification notification = new Notification(id("ntf", key + now), group.receiver(), key,
                group.labels(), reason, items, now);
        List<Delivery> deliveries = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(Endpoint.INBOX_ENDPOINT);
        endpoints.addAll(directory.endpoints(group.labels().get("municipality"), group.receiver()));
        for (Endpoint endpoint : endpoints) {
            Delivery pending = Delivery.pending(id("dlv", notification.id() + endpoint), notification, endpoint, now);
            // the inbox is where the alerts already are: telling it is recording it
            deliveries.add(Endpoint.INBOX.equals(endpoint.channel()) ? pending.delivered(now) : pending);
        }
        log.record(notification, deliveries);
        if (firingIds.isEmpty()) {
            groups.delete(key);
        } else {
            groups.save(group.told(firingIds, now));
        }
        return true;
    }

    /** Why the firing alert is not told now, if it is not. */
    public Muting muting(Alert alert, List<Alert> firing, List<Silence> silenceList, Instant now) {
        return muting(alert, new Inhibitors(firing), silenceList, now);
    }

    private Muting muting(Alert alert, Inhibitors inhibitors, List<Silence> silenceList, Instant now) {
        List<String> silencedBy = silenceList.stream().filter(s -> s.mutes(alert.labels(), now)).map(Silence::id)
                .toList();
        List<InhibitRule> rules = policy.forMunicipality(alert.labels().get("municipality")).inhibitRules();
        List<String> inhibitedBy = rules.stream().flatMap(rule -> inhibitors.of(rule, alert).stream())
                .map(Alert::id).distinct().toList();
        return new Muting(silencedBy, inhibitedBy);
    }

    /**
     * The firing alerts that may inhibit others, found per rule by the values of the rule's {@code equal} labels, so
     * that telling every firing alert costs in proportion to their number, not its square.
     */
    private static final class Inhibitors {
        private final List<Alert> firing;
        private final Map<InhibitRule, Map<List<String>, List<Alert>>> byRule = new HashMap<>();

        Inhibitors(List<Alert> firing) {
            this.firing = firing;
        }

        List<Alert> of(InhibitRule rule, Alert target) {
            if (!LabelMatcher.all(rule.target(), target.labels())) {
                return List.of();
            }
            Map<List<String>, List<Alert>> sources = byRule.computeIfAbsent(rule, r -> {
                Map<List<String>, List<Alert>> index = new HashMap<>();
                firing.stream().filter(source -> LabelMatcher.all(r.source(), source.labels())).forEach(source ->
                        index.computeIfAbsent(equalValues(r, source), key -> new ArrayList<>()).add(source));
                return index;
            });
            return sources.getOrDefault(equalValues(rule, target), List.of()).stream()
                    .filter(source -> rule.inhibits(source.labels(), target.labels())).toList();
        }

        private static List<String> equalValues(InhibitRule rule, Alert alert) {
            return rule.equal().stream().map(name -> String.valueOf(alert.labels().get(name))).toList();
        }
    }

    /** Why the alert is not told now, with the current silences and firing alerts. */
    public Muting muting(Alert alert) {
        Instant now = clock.instant();
        if (!alert.isFiring()) {
            return new Muting(List.of(), List.of());
        }
        return muting(alert, alerts.firing(), silences.findAll(), now);
    }

    private static List<Alert> concat(List<Alert> a, List<Alert> b) {
        List<Alert> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String groupKey(String receiver, Map<String, String> groupLabels) {
        StringBuilder key = new StringBuilder(receiver).append('{');
        groupLabels.forEach((name, value) -> key.append(name).append('=').append(value).append(','));
        return key.append('}').toString();
    }

    static String id(String prefix, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
