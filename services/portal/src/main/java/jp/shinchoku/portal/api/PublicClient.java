package jp.shinchoku.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What anyone may read, for the public pages (公表): the plans as the municipality publishes them (the plan service's
 * {@code /api/open-data/plan-documents}: 公開 KPIs and fields only) and their published figures (the measurement
 * service's {@code /api/open-data/plans}: published editions only, never live values). Called without a token.
 */
@Component
public class PublicClient {

    private final Api api;

    public PublicClient(Api api) {
        this.api = api;
    }

    public record Municipality(String code, String name, String prefecture) {
        /** How the plan service finds a municipality's plans: its code, else its name. */
        public String key() {
            return code == null || code.isBlank() ? name : code;
        }
    }

    /** A plan in the list: its period in fiscal years ({@code 令和4年度} to {@code 令和8年度}). */
    public record PlanSummary(String id, String title, Municipality municipality, PlanClient.DateView issuedOn,
            PlanClient.Period period, int revision) {
    }

    public record Kpi(String id, String name, String unit, String indicatorTypeLabel, BigDecimal baseline,
            PlanClient.DateView baselineAsOf, BigDecimal target, PlanClient.DateView due, String targetText) {
    }

    /** 事業費 of a fiscal year, in yen. */
    public record Cost(String fiscalYear, BigDecimal amount, String note) {
    }

    /** A measure: its 非公開 title or summary is null, its 非公開 cost empty. */
    public record Measure(String code, String title, String summary, String department, List<Kpi> kpis,
            List<Cost> cost) {
        public Measure {
            kpis = kpis == null ? List.of() : kpis;
            cost = cost == null ? List.of() : cost;
        }
    }

    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            measures = measures == null ? List.of() : measures;
        }
    }

    public record Plan(String id, String title, Municipality municipality, PlanClient.DateView issuedOn,
            PlanClient.Period period, int revision, List<PlanClient.Department> departments, List<Pillar> pillars) {
        public Plan {
            departments = departments == null ? List.of() : departments;
            pillars = pillars == null ? List.of() : pillars;
        }
    }

    /** A plan with figures published: which fiscal year and edition the public reads, since when. */
    public record Published(String planId, int fiscalYear, String fiscalYearLabel, String editionId,
            Instant publishedAt) {
    }

    /** A municipality's plans (by its code or name), or every municipality's. */
    public List<PlanSummary> plans(String municipality) {
        return MeasurementClient.list(municipality == null
                ? api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents")
                : api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents?municipality={m}", municipality),
                PlanSummary.class);
    }

    public Plan plan(String planId) {
        return MeasurementClient.one(api.getPublic(Api.Service.PLAN, "/api/open-data/plan-documents/{planId}",
                planId), Plan.class);
    }

    /** Every plan with an edition published. */
    public List<Published> published() {
        return MeasurementClient.list(api.getPublic(Api.Service.MEASUREMENT, "/api/open-data/plans"),
                Published.class);
    }

    /** The plan's published figures; empty when it has published none. */
    public Optional<MeasurementClient.PublicFigures> figures(String planId) {
        try {
            return Optional.of(MeasurementClient.one(api.getPublic(Api.Service.MEASUREMENT,
                    "/api/open-data/plans/{planId}/figures", planId), MeasurementClient.PublicFigures.class));
        } catch (ApiProblemException refused) {
            if (refused.status() == 404) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    /** The latest published figures of each fiscal year, oldest first. */
    public List<MeasurementClient.PublicFigures> years(String planId) {
        return MeasurementClient.list(api.getPublic(Api.Service.MEASUREMENT,
                "/api/open-data/plans/{planId}/figures/years", planId), MeasurementClient.PublicFigures.class);
    }

    /** The published figures as the service writes them: {@code figures.csv} (UTF-8 with BOM) or {@code figures}. */
    public byte[] download(String planId, String file) {
        return api.getPublicBytes(Api.Service.MEASUREMENT, "/api/open-data/plans/{planId}/" + file, planId);
    }
}
