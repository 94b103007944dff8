package jp.shinchoku.portal.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measurement service's approvals (承認・差戻し), fiscal years (年度締め), editions and a KPI's years, typed as the
 * service answers them (its {@code approvals/web}, {@code years/web} and {@code progress/web} views). Calls go through
 * {@link Api} with the signed-in user's token; a refusal is an {@link ApiProblemException}.
 */
@Component
public class MeasurementClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final String EVALUATIONS = "/api/plans/{planId}/fiscal-years/{fiscalYear}/evaluations";

    private final Api api;

    public MeasurementClient(Api api) {
        this.api = api;
    }

    /** A report awaiting the 推進本部's decision. */
    public record AwaitingReport(String measurementId, String kpiId, String kpiName, String departmentCode, String period,
            String periodLabel, BigDecimal value, String text, String measuredOn, String reportedBy, Instant recordedAt,
            String supersedes, String correctionReason) {
    }

    /** What a decision decided: {@code APPROVED} or {@code RETURNED}, on these reports. */
    public record Decided(String decision, List<String> measurementIds) {
    }

    /** Whether a municipality approves its departments' reports, and who chose so when. */
    public record ApprovalSetting(String municipality, boolean required, boolean chosen, String by, Instant at) {
    }

    /** A KPI that holds a close back: {@code UNREPORTED} or {@code UNAPPROVED} (its report's id). */
    public record Blocker(String kpiId, String name, String departmentCode, String reason, String measurementId) {
    }

    /** A close, reopening or review of a fiscal year ({@code CLOSED}, {@code REOPENED}, {@code REVIEWED}). */
    public record YearStep(int fiscalYear, String action, String by, Instant at, String reason, String edition,
            String reference) {
    }

    /** A plan's fiscal year: closed or not, what blocks a close, its closes and reopenings. */
    public record FiscalYearState(String planId, int fiscalYear, String label, String labelEn, boolean closed,
            List<Blocker> blockers, List<YearStep> history) {
        public FiscalYearState {
            blockers = blockers == null ? List.of() : blockers;
            history = history == null ? List.of() : history;
        }
    }

    /** An edition as listed. */
    public record EditionSummary(String id, int fiscalYear, String label, String cause, String by, Instant frozenAt,
            String note) {
    }

    /**
     * A fiscal year's verdict ({@code ACHIEVED}, {@code MISSED}); the years API adds the year's labels and the verdict
     * in words, an edition's row has the rest.
     */
    public record YearVerdict(int fiscalYear, String label, String labelEn, BigDecimal value, BigDecimal target,
            String verdict, String verdictJa, String verdictEn, List<String> shortMonths, String judgedOn) {
        public YearVerdict {
            shortMonths = shortMonths == null ? List.of() : shortMonths;
        }
    }

    /** One KPI as an edition froze it. */
    public record EditionRow(String kpiId, String name, String pillarCode, String pillarTitle, String measureCode,
            String measureTitle, String departmentCode, String unit, String kind, BigDecimal baseline, BigDecimal target,
            String due, BigDecimal value, BigDecimal achievement, String status, String grade, YearVerdict verdict) {
    }

    /** An edition: every KPI of the plan as it stood when the year was closed or reviewed. */
    public record Edition(String id, String planId, int fiscalYear, String cause, String by, Instant frozenAt,
            String asOf, String note, List<EditionRow> rows) {
        public Edition {
            rows = rows == null ? List.of() : rows;
        }
    }

    /** One KPI in two editions and what differs ({@code target}, {@code value}, …; {@code added}, {@code removed}). */
    public record Compared(String kpiId, String name, EditionRow from, EditionRow to, List<String> changed) {
        public Compared {
            changed = changed == null ? List.of() : changed;
        }
    }

    /** A plan's KPI as the pages show it: codes and names, where it stands, its status as a code. */
    public record PlanKpi(String kpiId, String name, String unit, String kind, String pillarCode, String pillarTitle,
            String measureCode, String measureTitle, String departmentCode, BigDecimal baselineValue,
            BigDecimal targetValue, String targetDue, BigDecimal latestValue, String latestText, String latestMeasuredOn,
            BigDecimal achievement, String status, String statusLabel, String statusLabelEn, String grade,
            boolean provisional) {
    }

    /** A plan's KPIs (or a department's of it) as of a day. */
    public record PlanKpis(String planId, String asOf, String asOfLabel, String departmentCode, List<PlanKpi> kpis) {
        public PlanKpis {
            kpis = kpis == null ? List.of() : kpis;
        }
    }

    /** A report the 推進本部 returned to its department (差戻し), not yet answered by a correction. */
    public record Returned(String measurementId, String kpiId, String kpiName, String unit, String departmentCode,
            String period, String periodLabel, BigDecimal value, String text, String measuredOn, String reportedBy,
            Instant recordedAt, String returnedBy, Instant returnedAt, String reason) {
    }

    /** A department's KPI and its report due for the period that ended last. */
    public record Due(String kpiId, String name, String measureTitle, String period, String periodLabel, String dueOn,
            String dueOnLabel, String state, String stateLabel, String measurementId) {
    }

    /** A KPI's progress now; {@code provisional} while it counts a report not yet approved. */
    public record KpiProgress(String kpiId, BigDecimal latestValue, BigDecimal achievement, String status,
            boolean provisional) {
    }

    /** A point of a KPI's trajectory, or a value reported. */
    public record Point(String date, BigDecimal value, String label) {
    }

    public record Observation(String measurementId, String measuredOn, String period, String periodLabel,
            BigDecimal reported, String text, BigDecimal value, String status) {
    }

    /** A KPI's values against its trajectory, and its status today (a code). */
    public record Series(String kpiId, String name, String unit, String kind, List<Point> trajectory,
            List<Observation> observations, String statusToday) {
        public Series {
            trajectory = trajectory == null ? List.of() : trajectory;
            observations = observations == null ? List.of() : observations;
        }
    }

    /** A value in a KPI's history ({@code state}: current, superseded). */
    public record Reported(String id, BigDecimal value, String text, String measuredOn, String period,
            String periodLabel, String comment, String reportedBy, String state, String supersedes,
            String correctionReason) {
    }

    /** A status and how many of a group's KPIs have it. */
    public record StatusCount(String status, String label, int kpis) {
    }

    /** A pillar's (measure's, department's, the plan's) KPIs counted by status. */
    public record Group(String key, String label, int kpis, List<StatusCount> statuses) {
        public Group {
            statuses = statuses == null ? List.of() : statuses;
        }
    }

    /** How a roll-up counts, in both languages. */
    public record Method(String ja, String en) {
    }

    public record Rollup(String planId, String asOf, String asOfLabel, String by, Method method, List<Group> groups,
            Group total) {
        public Rollup {
            groups = groups == null ? List.of() : groups;
        }
    }

    /** A CSV line's fate ({@code accepted}, {@code replayed}, {@code rejected}) with the reason in both languages. */
    public record UploadRow(int line, String status, String kpiId, String messageJa, String messageEn) {
    }

    public record Upload(int accepted, int replayed, int rejected, List<UploadRow> rows) {
        public Upload {
            rows = rows == null ? List.of() : rows;
        }
    }

    /** A KPI of a measure as its fiscal year ended (as of today in a year still running): value, status, grade, verdict. */
    public record EvaluationKpi(String kpiId, String name, String unit, BigDecimal value, String status, String grade,
            YearVerdict verdict) {
    }

    /**
     * A department's 自己評価 as written: 取組内容, 実績, 課題, 今後の方向性 ({@code CONTINUE}, {@code EXPAND},
     * {@code REVISE}, {@code COMPLETE}, {@code ABOLISH}) and its grade ({@code S}–{@code C}); who wrote it when.
     */
    public record SelfEvaluation(String activities, String results, String issues, String direction, String grade,
            String by, Instant at) {
    }

    /** The 推進本部's evaluation: its comment, grade and the direction it decided; who, when. */
    public record HqEvaluation(String comment, String grade, String direction, String by, Instant at) {
    }

    /**
     * A measure's 施策評価 of a fiscal year: its KPIs as the year ended, the grade the engine offers
     * ({@code suggestedGrade}; {@code −} where none), {@code state} ({@code DRAFT}, {@code SUBMITTED},
     * {@code EVALUATED}), the 自己評価 and the 推進本部's evaluation (none yet: null).
     */
    public record MeasureEvaluation(String id, String planId, int fiscalYear, String fiscalYearLabel, String pillarCode,
            String pillarTitle, String measureCode, String measureTitle, String departmentCode, String asOf,
            String state, String suggestedGrade, SelfEvaluation self, HqEvaluation hq, List<EvaluationKpi> kpis) {
        public MeasureEvaluation {
            kpis = kpis == null ? List.of() : kpis;
        }
    }

    /** What a department's 自己評価 form sends (a draft may leave fields out: null). */
    public record SelfDraft(String activities, String results, String issues, String direction, String grade) {
    }

    /** What the 推進本部's evaluation form sends. */
    public record HqDecision(String comment, String grade, String direction) {
    }

    public List<AwaitingReport> approvals(String planId) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/approvals", planId), AwaitingReport.class);
    }

    public Decided review(String measurementId, String decision, String reason) {
        return one(api.post(Api.Service.MEASUREMENT, body("decision", decision, "reason", reason),
                "/api/measurements/{measurementId}/review", measurementId), Decided.class);
    }

    public Decided reviewPeriod(String planId, String departmentCode, String period, String decision, String reason) {
        return one(api.post(Api.Service.MEASUREMENT, body("departmentCode", departmentCode, "period", period,
                "decision", decision, "reason", reason), "/api/plans/{planId}/approvals", planId), Decided.class);
    }

    public ApprovalSetting approvalSetting(String municipality) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/municipalities/{municipality}/approval", municipality),
                ApprovalSetting.class);
    }

    public ApprovalSetting chooseApproval(String municipality, boolean required) {
        return one(api.put(Api.Service.MEASUREMENT, Map.of("required", required),
                "/api/municipalities/{municipality}/approval", municipality), ApprovalSetting.class);
    }

    public FiscalYearState fiscalYear(String planId, int fiscalYear) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/fiscal-years/{fiscalYear}", planId, fiscalYear),
                FiscalYearState.class);
    }

    public FiscalYearState close(String planId, int fiscalYear, String reason) {
        return one(api.post(Api.Service.MEASUREMENT, body("reason", reason),
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/close", planId, fiscalYear), FiscalYearState.class);
    }

    public FiscalYearState reopen(String planId, int fiscalYear, String reason) {
        return one(api.post(Api.Service.MEASUREMENT, body("reason", reason),
                "/api/plans/{planId}/fiscal-years/{fiscalYear}/reopen", planId, fiscalYear), FiscalYearState.class);
    }

    public List<EditionSummary> editions(String planId) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions", planId), EditionSummary.class);
    }

    public Edition edition(String planId, String editionId) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}", planId, editionId),
                Edition.class);
    }

    public List<Compared> compare(String planId, String from, String to) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/compare?from={from}&to={to}", planId,
                from, to), Compared.class);
    }

    /** The KPI's past fiscal years' verdicts, oldest first. */
    public List<YearVerdict> years(String kpiId) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/years", kpiId), YearVerdict.class);
    }

    /**
     * The measurement service's today: the day the plan's progress is as of (a system started on another date, as the
     * launcher's {@code SHINCHOKU_DATE}, has its own); empty where the service does not say.
     */
    public java.util.Optional<java.time.LocalDate> today(String planId) {
        JsonNode progress = api.get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}", planId, "pillar", "", "");
        String asOf = progress == null ? "" : progress.path("asOf").asString("");
        return asOf.length() < 10 ? java.util.Optional.empty()
                : java.util.Optional.of(java.time.LocalDate.parse(asOf.substring(0, 10)));
    }

    /**
     * The plan's KPIs as of {@code asOf} or a fiscal year's last day (both blank: today); a department's part where
     * {@code department} is given (the service lets a department read its own part only).
     */
    public PlanKpis kpis(String planId, String department, String asOf, String fiscalYear) {
        return one(api.get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/kpis?department={department}&asOf={asOf}&fiscalYear={fiscalYear}", planId,
                blank(department), blank(asOf), blank(fiscalYear)), PlanKpis.class);
    }

    /** The roll-up of the plan's KPIs by {@code by} (pillar, measure, department, plan) as of a day. */
    public Rollup rollup(String planId, String by, String asOf, String fiscalYear) {
        return one(api.get(Api.Service.MEASUREMENT,
                "/api/plans/{planId}/progress?by={by}&asOf={asOf}&fiscalYear={fiscalYear}", planId, by, blank(asOf),
                blank(fiscalYear)), Rollup.class);
    }

    /** The department's reports the 推進本部 returned and it has not answered yet. */
    public List<Returned> returned(String planId, String department) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/departments/{department}/returned", planId,
                department), Returned.class);
    }

    public List<Due> due(String planId, String department) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/departments/{department}/due", planId,
                department), Due.class);
    }

    public KpiProgress progress(String kpiId) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/progress", kpiId), KpiProgress.class);
    }

    public Series series(String kpiId) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/series", kpiId), Series.class);
    }

    /** Every value reported for the KPI, corrections and what they replaced included. */
    public List<Reported> measurements(String kpiId) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/kpis/{kpiId}/measurements", kpiId), Reported.class);
    }

    /** A report as a row's form wrote it (value or numerator and denominator, date, period, comment). */
    public Reported report(String kpiId, Map<String, Object> report) {
        return one(api.post(Api.Service.MEASUREMENT, report, "/api/kpis/{kpiId}/measurements", kpiId), Reported.class);
    }

    /** A correction of a value with why; it answers a return (差戻し) where the value was returned. */
    public Reported correct(String kpiId, String measurementId, String value, String reason) {
        return one(api.post(Api.Service.MEASUREMENT, body("value", value, "reason", reason),
                "/api/kpis/{kpiId}/measurements/{measurementId}/corrections", kpiId, measurementId), Reported.class);
    }

    /**
     * The same, sent once: the key the form was drawn with makes a form sent twice one correction (the service answers
     * the second with the first).
     */
    public Reported correctOnce(String kpiId, String measurementId, String value, String reason, String idempotencyKey) {
        return one(api.postOnce(Api.Service.MEASUREMENT, idempotencyKey, body("value", value, "reason", reason),
                "/api/kpis/{kpiId}/measurements/{measurementId}/corrections", kpiId, measurementId), Reported.class);
    }

    /** Reports as a CSV file, answered line by line. */
    public Upload upload(byte[] csv) {
        return one(api.postBytes(Api.Service.MEASUREMENT, csv, org.springframework.http.MediaType.parseMediaType(
                "text/csv"), "/api/measurements/csv"), Upload.class);
    }

    /** The plan's progress as open data (CSV, UTF-8 with BOM), a file passed on as it is. */
    public byte[] openDataCsv(String planId) {
        return api.getBytes(Api.Service.MEASUREMENT, "/api/plans/{planId}/progress/export.csv", planId);
    }

    /** The year's measures the caller may read (a department its own), each with its 施策評価. */
    public List<MeasureEvaluation> evaluations(String planId, int fiscalYear) {
        return list(api.get(Api.Service.MEASUREMENT, EVALUATIONS, planId, fiscalYear), MeasureEvaluation.class);
    }

    public MeasureEvaluation evaluation(String planId, int fiscalYear, String measureCode) {
        return one(api.get(Api.Service.MEASUREMENT, EVALUATIONS + "/{measureCode}", planId, fiscalYear, measureCode),
                MeasureEvaluation.class);
    }

    /** The department's draft of its 自己評価, kept as written. */
    public MeasureEvaluation draftEvaluation(String planId, int fiscalYear, String measureCode, SelfDraft draft) {
        return one(api.put(Api.Service.MEASUREMENT, draft, EVALUATIONS + "/{measureCode}", planId, fiscalYear,
                measureCode), MeasureEvaluation.class);
    }

    /** The 自己評価 submitted, as written here (every field then; 400 {@code evaluation-incomplete} names those missing). */
    public MeasureEvaluation submitEvaluation(String planId, int fiscalYear, String measureCode, SelfDraft self) {
        return one(api.post(Api.Service.MEASUREMENT, self, EVALUATIONS + "/{measureCode}/submit", planId, fiscalYear,
                measureCode), MeasureEvaluation.class);
    }

    /** The 推進本部's evaluation of a submitted 自己評価. */
    public MeasureEvaluation evaluate(String planId, int fiscalYear, String measureCode, HqDecision decision) {
        return one(api.post(Api.Service.MEASUREMENT, decision, EVALUATIONS + "/{measureCode}/evaluation", planId,
                fiscalYear, measureCode), MeasureEvaluation.class);
    }

    /**
     * 取組状況報告書: the year's report workbook (.xlsx) as the service makes it, in Japanese or English (409 while the
     * year is not closed).
     */
    public byte[] reportWorkbook(String planId, int fiscalYear, java.util.Locale language) {
        return api.getBytesIn(Api.Service.MEASUREMENT, language, "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.xlsx",
                planId, fiscalYear);
    }

    /** 取組状況報告書 of the year as a PDF, in Japanese or English (409 while the year is not closed). */
    public byte[] reportPdf(String planId, int fiscalYear, java.util.Locale language) {
        return api.getBytesIn(Api.Service.MEASUREMENT, language, "/api/plans/{planId}/fiscal-years/{fiscalYear}/report.pdf",
                planId, fiscalYear);
    }

    /**
     * A KPI as the public reads it (公表): the service's column keys, its status and verdict in Japanese words as the
     * public pages print them.
     */
    public record PublicRow(String pillarCode, String pillarTitle, String measureCode, String measureTitle,
            String departmentCode, String kpiId, String kpiName, String unit, String kind, BigDecimal baselineValue,
            BigDecimal targetValue, String targetDue, BigDecimal latestValue, BigDecimal achievement, String status,
            String grade, String verdict) {
    }

    /** What the public would read were the edition published: its 公開 KPIs only ({@code publishedAt} null). */
    public record PublicFigures(String planId, int fiscalYear, String fiscalYearLabel, String editionId, String asOf,
            Instant publishedAt, List<PublicRow> rows) {
        public PublicFigures {
            rows = rows == null ? List.of() : rows;
        }
    }

    /** An edition published: which, of which fiscal year, by whom, when; {@code current} the one the public reads. */
    public record Publication(String editionId, int fiscalYear, String fiscalYearLabel, String by, Instant at,
            boolean current) {
    }

    public PublicFigures publicationPreview(String planId, String editionId) {
        return one(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/editions/{editionId}/preview", planId,
                editionId), PublicFigures.class);
    }

    /** 公表: the edition is what the public reads from now on (409 {@code edition-already-published} the second time). */
    public Publication publish(String planId, String editionId) {
        return one(api.post(Api.Service.MEASUREMENT, Map.of(), "/api/plans/{planId}/editions/{editionId}/publish",
                planId, editionId), Publication.class);
    }

    /** The plan's publications, as the service lists them. */
    public List<Publication> publications(String planId) {
        return list(api.get(Api.Service.MEASUREMENT, "/api/plans/{planId}/publications", planId), Publication.class);
    }

    /** The fields a refused 施策評価 lacks (400 {@code evaluation-incomplete}); none for any other refusal. */
    public static List<String> missing(ApiProblemException refused) {
        return refused.body() instanceof JsonNode body ? list(body.path("missing"), String.class) : List.of();
    }

    /** The field a refusal is about ({@code too-long}, {@code invalid-grade}, …); empty where it names none. */
    public static String field(ApiProblemException refused) {
        return refused.body() instanceof JsonNode body ? body.path("field").asString("") : "";
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    /**
     * Why the service refused a report or correction, as its problem says ({@code reason}: {@code MISSING_REASON},
     * {@code PERIOD_CLOSED}, {@code INVALID_VALUE}, …); empty when it does not say.
     */
    public static String rejection(ApiProblemException refused) {
        return refused.body() instanceof JsonNode body ? body.path("reason").asString("") : "";
    }

    /** The blockers a refused close names (409 {@code fiscal-year-blocked}); none for any other refusal. */
    public static List<Blocker> blockers(ApiProblemException refused) {
        return refused.body() instanceof JsonNode body ? list(body.path("blockers"), Blocker.class) : List.of();
    }

    /** A body without the values not given ({@code null}), in the order given. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
            }
        }
        return body;
    }

    static <T> T one(JsonNode node, Class<T> type) {
        return node == null || node.isMissingNode() || node.isNull() ? null : JSON.treeToValue(node, type);
    }

    static <T> List<T> list(JsonNode node, Class<T> type) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        JavaType listOf = JSON.getTypeFactory().constructCollectionType(List.class, type);
        return JSON.treeToValue(node, listOf);
    }
}
