package jp.shinchoku.plan.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.shinchoku.calendar.DateReference;
import jp.shinchoku.calendar.DateReferences;
import jp.shinchoku.calendar.InvalidDateReferenceException;
import jp.shinchoku.plan.plans.Plan.Baseline;
import jp.shinchoku.plan.plans.Plan.Municipality;
import jp.shinchoku.plan.plans.Plan.Target;

/**
 * A plan as submitted, before it is validated and published. Dates are as users write them
 * ({@code 2024-03-31}, {@code 令和5年度}, {@code 令和4年3月末}, see {@link DateReferences}): a deadline falls on the
 * last day of what it names, an issue date on the first.
 */
public record PlanDraft(Municipality municipality, String title, String issuedOn, List<PillarDraft> pillars) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PlanDraft {
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
    }

    public record PillarDraft(String code, String title, List<MeasureDraft> measures) {
        public PillarDraft {
            measures = measures == null ? List.of() : List.copyOf(measures);
        }
    }

    public record MeasureDraft(String code, String title, String departmentCode, List<KpiDraft> kpis) {
        public MeasureDraft {
            kpis = kpis == null ? List.of() : List.copyOf(kpis);
        }
    }

    /** 現状値 as written: a value and the date it was taken ({@code asOf}). */
    public record BaselineDraft(BigDecimal value, String asOf) {
    }

    /** 目標値 as written: a value and its deadline ({@code due}). */
    public record TargetDraft(BigDecimal value, String due) {
    }

    /** {@code kind}, {@code direction} and dates as written; checked by validation. */
    public record KpiDraft(String name, String unit, String kind, String direction, BaselineDraft baseline,
            TargetDraft target) {

        Baseline parsedBaseline() {
            return baseline == null ? null : new Baseline(baseline.value(), lastDay(baseline.asOf()));
        }

        Target parsedTarget() {
            return target == null ? null : new Target(target.value(), lastDay(target.due()));
        }

        public KpiKind parsedKind() {
            return parse(KpiKind.class, kind);
        }

        public Direction parsedDirection() {
            return parse(Direction.class, direction);
        }
    }

    LocalDate parsedIssuedOn() {
        return DateReferences.parseOptional(issuedOn).map(DateReference::firstDay).orElse(null);
    }

    private static LocalDate lastDay(String text) {
        return DateReferences.parseOptional(text).map(DateReference::lastDay).orElse(null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        return null;
    }

    /** Every problem in the draft at once, each at its path in the document. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (municipality == null || blank(municipality.name())) {
            found.add(new Violation("municipality.name", "地方公共団体名は必須です", "the municipality's name is required"));
        }
        if (blank(title)) {
            found.add(new Violation("title", "計画名は必須です", "the plan's title is required"));
        }
        checkDate(issuedOn, "issuedOn", found);
        if (pillars.isEmpty()) {
            found.add(new Violation("pillars", "柱が1つ以上必要です", "a plan needs at least one pillar"));
        }
        Set<String> pillarCodes = new HashSet<>();
        Set<String> measureCodes = new HashSet<>();
        for (int p = 0; p < pillars.size(); p++) {
            PillarDraft pillar = pillars.get(p);
            String pillarPath = "pillars[" + p + "]";
            if (blank(pillar.code())) {
                found.add(new Violation(pillarPath + ".code", "柱のコードは必須です", "the pillar's code is required"));
            } else if (!pillarCodes.add(pillar.code())) {
                found.add(new Violation(pillarPath + ".code", "柱のコード「" + pillar.code() + "」が重複しています",
                        "the pillar code '" + pillar.code() + "' is used twice"));
            }
            for (int m = 0; m < pillar.measures().size(); m++) {
                MeasureDraft measure = pillar.measures().get(m);
                String measurePath = pillarPath + ".measures[" + m + "]";
                if (blank(measure.code())) {
                    found.add(new Violation(measurePath + ".code", "施策のコードは必須です", "the measure's code is required"));
                } else if (!measureCodes.add(measure.code())) {
                    found.add(new Violation(measurePath + ".code", "施策のコード「" + measure.code() + "」が重複しています",
                            "the measure code '" + measure.code() + "' is used twice"));
                }
                if (blank(measure.title())) {
                    found.add(new Violation(measurePath + ".title", "施策名は必須です", "the measure's title is required"));
                }
                for (int k = 0; k < measure.kpis().size(); k++) {
                    checkKpi(measure.kpis().get(k), measurePath + ".kpis[" + k + "]", found);
                }
            }
        }
        return found;
    }

    private static void checkKpi(KpiDraft kpi, String path, List<Violation> found) {
        if (blank(kpi.name())) {
            found.add(new Violation(path + ".name", "評価指標名は必須です", "the KPI's name is required"));
        }
        KpiKind kind = kpi.parsedKind();
        if (kind == null) {
            found.add(new Violation(path + ".kind",
                    "評価指標の種類「" + kpi.kind() + "」は使えません（count, percentage, boolean, recurring, relative, undefined, qualitative）",
                    "unknown KPI kind '" + kpi.kind() + "' (count, percentage, boolean, recurring, relative, undefined, qualitative)"));
        }
        if (kpi.parsedDirection() == null) {
            found.add(new Violation(path + ".direction",
                    "評価指標の方向「" + kpi.direction() + "」は使えません（increase, decrease, achieve）",
                    "unknown KPI direction '" + kpi.direction() + "' (increase, decrease, achieve)"));
        }
        boolean datesReadable = checkDate(kpi.baseline() == null ? null : kpi.baseline().asOf(), path + ".baseline.asOf", found)
                & checkDate(kpi.target() == null ? null : kpi.target().due(), path + ".target.due", found);
        Target target = datesReadable ? kpi.parsedTarget() : null;
        Baseline baseline = datesReadable ? kpi.parsedBaseline() : null;
        if (datesReadable && kind != null && kind.needsDeadline() && (target == null || target.due() == null)) {
            found.add(new Violation(path + ".target.due", "目標の期限は必須です", "the target needs a deadline"));
        }
        if (target != null && target.due() != null && baseline != null && baseline.asOf() != null
                && target.due().isBefore(baseline.asOf())) {
            found.add(new Violation(path + ".target.due", "目標の期限が現状値の基準日より前です",
                    "the deadline is before the baseline's date"));
        }
        if (kind == KpiKind.PERCENTAGE || "%".equals(kpi.unit())) {
            checkPercentage(kpi.baseline() == null ? null : kpi.baseline().value(), path + ".baseline.value", found);
            checkPercentage(kpi.target() == null ? null : kpi.target().value(), path + ".target.value", found);
        }
    }

    /** Records a violation when a date is written but cannot be read; returns whether it can be read. */
    private static boolean checkDate(String text, String path, List<Violation> found) {
        try {
            DateReferences.parseOptional(text);
            return true;
        } catch (InvalidDateReferenceException e) {
            found.add(new Violation(path, e.messageJa(), e.messageEn()));
            return false;
        }
    }

    private static void checkPercentage(BigDecimal value, String path, List<Violation> found) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            found.add(new Violation(path, "割合は0から100の間で指定してください", "a percentage must be between 0 and 100"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
