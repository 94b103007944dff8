package jp.shinchoku.notification.delivery.web;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.shinchoku.notification.alerts.LabelMatcher;
import jp.shinchoku.notification.delivery.Silence;
import jp.shinchoku.notification.delivery.SilenceRepository;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.RequestLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Silences: matching alerts are not told until the silence ends (an approved extension of a milestone, a KPI under
 * review). Each has an author and a comment; it may be expired early.
 */
@RestController
class SilenceController {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final RequestLimits limits;
    private final AuditTrail audit;
    private final SilenceRepository silences;
    private final Clock clock;

    SilenceController(SilenceRepository silences, Clock clock, RequestLimits limits, AuditTrail audit) {
        this.limits = limits;
        this.audit = audit;
        this.silences = silences;
        this.clock = clock;
    }

    /**
     * @param matchers  label matchers, all of which an alert must meet ({@code milestoneId=pln-1.2-1.m1})
     * @param startsAt  an instant, or a date (from its start in Japan); now when absent
     * @param endsAt    an instant, or a date (until the end of that day in Japan)
     */
    record SilenceRequest(List<String> matchers, String startsAt, String endsAt, String createdBy, String comment) {
    }

    record SilenceView(String id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy,
            String comment, Instant createdAt, Instant expiredAt, String expiredBy, String state) {

        static SilenceView of(Silence s, Instant now) {
            return new SilenceView(s.id(), s.matchers().stream().map(LabelMatcher::toString).toList(), s.startsAt(),
                    s.endsAt(), s.createdBy(), s.comment(), s.createdAt(), s.expiredAt(), s.expiredBy(), s.state(now));
        }
    }

    @PostMapping("/api/silences")
    ResponseEntity<SilenceView> create(@RequestBody SilenceRequest request) {
        Instant now = clock.instant();
        Caller caller = Access.anyOf(Role.HQ, Role.ADMIN);
        if (request == null || InboxController.blank(request.comment())) {
            throw invalid("no-comment");
        }
        if (request.matchers() == null || request.matchers().isEmpty()) {
            throw invalid("no-matchers");
        }
        limits.checkText("comment", request.comment());
        if (request.matchers().size() > LabelMatcher.MAX_PER_SILENCE) {
            throw invalid("too-many-matchers", LabelMatcher.MAX_PER_SILENCE);
        }
        List<LabelMatcher> matchers;
        try {
            matchers = new java.util.ArrayList<>(request.matchers().stream().map(LabelMatcher::parse).toList());
        } catch (IllegalArgumentException e) {
            throw invalid("bad-matcher", e.getMessage());
        }
        Instant startsAt = request.startsAt() == null ? now : instant(request.startsAt(), false);
        if (request.endsAt() == null) {
            throw invalid("no-end");
        }
        Instant endsAt = instant(request.endsAt(), true);
        if (!endsAt.isAfter(startsAt) || !endsAt.isAfter(now)) {
            throw invalid("end-not-after-start");
        }
        if (!caller.is(Role.ADMIN)) {
            // the 推進本部 silences its own municipality's alerts only
            matchers.removeIf(matcher -> matcher.name().equals(MUNICIPALITY));
            matchers.add(LabelMatcher.parse(MUNICIPALITY + "=" + caller.municipality()));
        }
        Silence silence = new Silence("sil-" + UUID.randomUUID().toString().substring(0, 13), matchers, startsAt, endsAt,
                caller.subject(), request.comment().strip(), now, null, null);
        silences.save(silence);
        audit.record(audit.entry("silence.created", silence.id(), municipalityOf(silence), null, Map.of(), state(silence)));
        return ResponseEntity.created(URI.create("/api/silences/" + silence.id())).body(SilenceView.of(silence, now));
    }

    @GetMapping("/api/silences")
    List<SilenceView> list(@RequestParam(required = false) String state) {
        Instant now = clock.instant();
        Caller caller = Access.anyOf(Role.HQ, Role.PREFECTURE, Role.ADMIN);
        return silences.findAll().stream().filter(s -> caller.is(Role.ADMIN) || caller.readsWhole(municipalityOf(s)))
                .filter(s -> state == null || state.equals(s.state(now)))
                .map(s -> SilenceView.of(s, now)).toList();
    }

    @GetMapping("/api/silences/{id}")
    SilenceView get(@PathVariable String id) {
        Silence silence = silences.find(id).orElseThrow(() -> notFound(id));
        if (!Caller.required().is(Role.ADMIN)) {
            Access.readsWhole(municipalityOf(silence), "silence", id);
        }
        return SilenceView.of(silence, clock.instant());
    }

    /** Ends a silence early; the one who ended it is kept. */
    @DeleteMapping("/api/silences/{id}")
    SilenceView expire(@PathVariable String id) {
        Instant now = clock.instant();
        Silence silence = silences.find(id).orElseThrow(() -> notFound(id));
        Caller caller = Caller.required().is(Role.ADMIN) ? Caller.required()
                : Access.manages(municipalityOf(silence), "silence", id);
        String by = caller.subject();
        if (silence.isExpired(now)) {
            return SilenceView.of(silence, now);
        }
        Silence expired = silence.expire(by.strip(), now);
        silences.save(expired);
        audit.record(audit.entry("silence.expired", id, municipalityOf(silence), null, state(silence),
                AuditEntry.state("endsAt", now)));
        return SilenceView.of(expired, now);
    }

    private static final String MUNICIPALITY = "municipality";

    private static Map<String, String> state(Silence silence) {
        return AuditEntry.state("matchers", silence.matchers().stream().map(LabelMatcher::toString).toList(),
                "startsAt", silence.startsAt(), "endsAt", silence.endsAt(), "comment", silence.comment());
    }

    /** The municipality a silence is confined to (its {@code municipality=…} matcher), or null. */
    static String municipalityOf(Silence silence) {
        return silence.matchers().stream().filter(m -> m.name().equals(MUNICIPALITY) && m.operator() == LabelMatcher.Operator.EQUAL)
                .map(LabelMatcher::value).findFirst().orElse(null);
    }

    private static Instant instant(String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(JAPAN).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw invalid("bad-date", text);
        }
    }

    /** {@code invalid-silence.<detail>} of the service's problems. */
    private static ApiProblem invalid(String detail, Object... args) {
        return ApiProblem.ofDetail(InboxController.PROBLEMS, HttpStatus.BAD_REQUEST, "invalid-silence", detail, args);
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.of(InboxController.PROBLEMS, HttpStatus.NOT_FOUND, "silence-not-found", id);
    }
}
