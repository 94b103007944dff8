package jp.shinchoku.measurement.years.web;

import java.time.Instant;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.years.Edition;
import jp.shinchoku.measurement.years.EditionRepository;
import jp.shinchoku.measurement.years.PlanYears;
import jp.shinchoku.measurement.years.PlanYearsRepository;
import jp.shinchoku.measurement.years.YearClosing;
import jp.shinchoku.measurement.years.YearClosing.Outcome;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 年度締め of a plan's fiscal year: its state and what blocks a close (whoever reads the whole plan), the close and
 * the reopening (its 推進本部), each with its reason in the audit trail; the editions closes and reviews froze, each
 * as it was, and two of them compared.
 */
@RestController
class FiscalYearController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";

    private final YearClosing closing;
    private final PlanYearsRepository years;
    private final EditionRepository editions;
    private final KpiAccess access;
    private final AuditTrail audit;

    FiscalYearController(YearClosing closing, PlanYearsRepository years, EditionRepository editions, KpiAccess access,
            AuditTrail audit) {
        this.editions = editions;
        this.closing = closing;
        this.years = years;
        this.access = access;
        this.audit = audit;
    }

    /** A close's or reopening's reason. */
    record ReasonRequest(String reason) {
    }

    /** A plan's fiscal year: whether it is closed, what blocks a close, and its closes and reopenings. */
    record FiscalYearView(String planId, int fiscalYear, String label, String labelEn, boolean closed,
            List<YearClosing.Blocker> blockers, List<PlanYears.Step> history) {
    }

    @GetMapping("/api/plans/{planId}/fiscal-years/{fiscalYear}")
    FiscalYearView fiscalYear(@PathVariable String planId, @PathVariable int fiscalYear) {
        access.wholePlan(planId);
        return view(years.find(planId).orElse(PlanYears.open(planId)), fiscalYear);
    }

    @PostMapping("/api/plans/{planId}/fiscal-years/{fiscalYear}/close")
    FiscalYearView close(@PathVariable String planId, @PathVariable int fiscalYear,
            @RequestBody(required = false) ReasonRequest request) {
        Caller caller = access.managesPlan(planId);
        return done(closing.close(planId, fiscalYear, caller.subject(), request == null ? null : request.reason()),
                planId, fiscalYear);
    }

    @PostMapping("/api/plans/{planId}/fiscal-years/{fiscalYear}/reopen")
    FiscalYearView reopen(@PathVariable String planId, @PathVariable int fiscalYear,
            @RequestBody(required = false) ReasonRequest request) {
        Caller caller = access.managesPlan(planId);
        return done(closing.reopen(planId, fiscalYear, caller.subject(), request == null ? null : request.reason()),
                planId, fiscalYear);
    }

    private FiscalYearView done(Outcome outcome, String planId, int fiscalYear) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        return switch (outcome) {
            case Outcome.Done done -> {
                PlanYears.Step step = done.step().step();
                String action = step.action() == PlanYears.Action.CLOSED ? "fiscal-year.closed" : "fiscal-year.reopened";
                audit.record(audit.entry(action, planId + "/" + year.labelEn(), done.step().municipalityCode(), null,
                        AuditEntry.state("closed", step.action() != PlanYears.Action.CLOSED),
                        AuditEntry.state("closed", step.action() == PlanYears.Action.CLOSED, "reason", step.reason(),
                                "edition", step.edition(),
                                "unreported", blocked(done.step().blockers(), "UNREPORTED"),
                                "unapproved", blocked(done.step().blockers(), "UNAPPROVED"))));
                yield view(done.years(), fiscalYear);
            }
            case Outcome.UnknownPlan unknown -> throw ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "plan-not-found", planId);
            case Outcome.NotEnded notEnded -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT, "fiscal-year-not-ended",
                    year.label(), year.labelEn(), year.lastDay());
            case Outcome.AlreadyClosed closed -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "fiscal-year-closed", year.label(), year.labelEn());
            case Outcome.NotClosed open -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT, "fiscal-year-open",
                    year.label(), year.labelEn());
            case Outcome.Blocked blocked -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT, "fiscal-year-blocked",
                    year.label(), year.labelEn(), blocked.blockers().size()).with("blockers", blocked.blockers());
            case Outcome.ReasonMissing missing -> throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST,
                    "reopen-without-reason", year.label(), year.labelEn());
        };
    }

    /** An edition as listed: which year, why it was frozen, by whom and when. */
    record EditionSummary(String id, int fiscalYear, String label, String cause, String by, Instant frozenAt,
            String note) {
    }

    /** One KPI of two editions: as each had it, and what differs. */
    record Compared(String kpiId, String name, Edition.Row from, Edition.Row to, List<String> changed) {
    }

    @GetMapping("/api/plans/{planId}/editions")
    List<EditionSummary> editions(@PathVariable String planId) {
        access.wholePlan(planId);
        return years.find(planId).map(PlanYears::editions).orElse(List.of()).stream()
                .map(step -> new EditionSummary(step.edition(), step.fiscalYear(), FiscalYear.of(step.fiscalYear()).label(),
                        step.action().name(), step.by(), step.at(), step.reason()))
                .toList();
    }

    @GetMapping("/api/plans/{planId}/editions/{editionId}")
    Edition edition(@PathVariable String planId, @PathVariable String editionId) {
        access.wholePlan(planId);
        return editions.find(editionId).filter(edition -> edition.planId().equals(planId))
                .orElseThrow(() -> ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "edition-not-found", editionId));
    }

    /** Two editions side by side: each KPI in either, with what differs (a KPI in one only: everything). */
    @GetMapping("/api/plans/{planId}/editions/compare")
    List<Compared> compare(@PathVariable String planId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        access.wholePlan(planId);
        if (from == null || to == null) {
            throw ApiProblem.of(PROBLEMS, HttpStatus.BAD_REQUEST, "editions-to-compare", planId);
        }
        Edition before = edition(planId, from);
        Edition after = edition(planId, to);
        java.util.Map<String, Edition.Row> earlier = new java.util.LinkedHashMap<>();
        before.rows().forEach(row -> earlier.put(row.kpiId(), row));
        List<Compared> compared = new java.util.ArrayList<>();
        for (Edition.Row row : after.rows()) {
            Edition.Row was = earlier.remove(row.kpiId());
            compared.add(new Compared(row.kpiId(), row.name(), was, row,
                    was == null ? List.of("added") : row.changesFrom(was)));
        }
        earlier.values().forEach(was -> compared.add(new Compared(was.kpiId(), was.name(), was, null, List.of("removed"))));
        return compared;
    }

    /** The KPIs a close went past for this reason (null: none), for the audit trail. */
    private static List<String> blocked(List<YearClosing.Blocker> blockers, String reason) {
        List<String> kpis = blockers.stream().filter(b -> b.reason().equals(reason)).map(YearClosing.Blocker::kpiId)
                .distinct().toList();
        return kpis.isEmpty() ? null : kpis;
    }

    private FiscalYearView view(PlanYears planYears, int fiscalYear) {
        FiscalYear year = FiscalYear.of(fiscalYear);
        boolean closed = planYears.isClosed(fiscalYear);
        return new FiscalYearView(planYears.planId(), fiscalYear, year.label(), year.labelEn(), closed,
                closed ? List.of() : closing.blockers(planYears.planId(), fiscalYear),
                planYears.history().stream().filter(step -> step.fiscalYear() == fiscalYear).toList());
    }
}
