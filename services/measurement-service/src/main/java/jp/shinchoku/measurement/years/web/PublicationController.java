package jp.shinchoku.measurement.years.web;

import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.years.PlanPublications;
import jp.shinchoku.measurement.years.PublicationRepository;
import jp.shinchoku.measurement.years.Publishing;
import jp.shinchoku.platform.audit.AuditEntry;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 公表: the 推進本部 previews what an edition would show the public (its 公開 KPIs only) and publishes it; the plan's
 * publications listed. Publishing is in the audit trail.
 */
@RestController
class PublicationController {

    static final String PROBLEMS = "jp.shinchoku.measurement.web.problems";

    private final Publishing publishing;
    private final PublicationRepository publications;
    private final KpiAccess access;
    private final AuditTrail audit;
    private final PublishedFigures published;

    PublicationController(Publishing publishing, PublicationRepository publications, KpiAccess access,
            AuditTrail audit, PublishedFigures published) {
        this.published = published;
        this.publishing = publishing;
        this.publications = publications;
        this.access = access;
        this.audit = audit;
    }

    record PublicationView(String editionId, int fiscalYear, String fiscalYearLabel, String by, java.time.Instant at,
            boolean current) {
    }

    @GetMapping("/api/plans/{planId}/publications")
    List<PublicationView> publications(@PathVariable String planId) {
        access.wholePlan(planId);
        PlanPublications kept = publications.find(planId).orElse(PlanPublications.none(planId));
        return kept.history().stream().map(p -> view(p, kept)).toList();
    }

    /** What the public would read were the edition published. */
    @GetMapping("/api/plans/{planId}/editions/{editionId}/preview")
    PublicFigures.Figures preview(@PathVariable String planId, @PathVariable String editionId) {
        access.wholePlan(planId);
        return publishing.edition(planId, editionId).map(edition -> PublicFigures.of(edition, null))
                .orElseThrow(() -> ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND, "edition-not-found", editionId));
    }

    @PostMapping("/api/plans/{planId}/editions/{editionId}/publish")
    PublicationView publish(@PathVariable String planId, @PathVariable String editionId) {
        Caller caller = access.managesPlan(planId);
        return switch (publishing.publish(planId, editionId, caller.subject())) {
            case Publishing.Outcome.Done done -> {
                published.forget(planId);
                FiscalYear year = FiscalYear.of(done.published().fiscalYear());
                audit.record(audit.entry("edition.published", editionId, access.municipalityOf(planId), null,
                        AuditEntry.state("published", false),
                        AuditEntry.state("published", true, "plan", planId, "fiscalYear", year.labelEn())));
                yield view(done.published(), done.publications());
            }
            case Publishing.Outcome.NoEdition missing -> throw ApiProblem.of(PROBLEMS, HttpStatus.NOT_FOUND,
                    "edition-not-found", editionId);
            case Publishing.Outcome.AlreadyPublished earlier -> throw ApiProblem.of(PROBLEMS, HttpStatus.CONFLICT,
                    "edition-already-published", editionId, earlier.earlier().at()).with("publishedAt",
                    earlier.earlier().at());
        };
    }

    private static PublicationView view(PlanPublications.Publication publication, PlanPublications of) {
        return new PublicationView(publication.editionId(), publication.fiscalYear(),
                FiscalYear.of(publication.fiscalYear()).label(), publication.by(), publication.at(),
                of.current().map(current -> current.editionId().equals(publication.editionId())).orElse(false));
    }
}
