package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.portal.api.MeasurementClient;
import jp.shinchoku.portal.api.PublicClient;

/**
 * A plan's public page (公表): its pillars and measures as the municipality publishes them, each 公開 KPI with the
 * figures of the published edition and a chart of its published values year by year against its plan (現状値 →
 * 目標値). Nothing live: a correction shows once the 推進本部 publishes a new edition.
 *
 * @param figures the published edition, or null when the plan has published none
 */
record PublicPlanPage(PublicClient.Plan plan, MeasurementClient.PublicFigures figures, String asOf,
        String publishedOn, List<PillarPart> pillars, int kpis) {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    record PillarPart(String code, String title, List<MeasurePart> measures) {
    }

    /** {@code title} null where it is 非公開. */
    record MeasurePart(String code, String title, String summary, String department, List<KpiPart> kpis,
            List<PublicClient.Cost> cost) {
    }

    /** A KPI with its published row (null: nothing published for it yet), its years and its chart. */
    record KpiPart(PublicClient.Kpi kpi, MeasurementClient.PublicRow figure, List<YearValue> years, Chart chart) {
        /** The id used for the page's anchors and the chart's description. */
        public String anchor() {
            return "kpi-" + kpi.id().replaceAll("[^A-Za-z0-9_-]", "-");
        }
    }

    /** A fiscal year's published value, as of its edition's day. */
    record YearValue(String fiscalYear, LocalDate day, BigDecimal value) {
        public String asOf() {
            return Wareki.format(day);
        }
    }

    /** The chart's words: what its line's two ends are called (現状値, 目標値). */
    record Words(String baseline, String target) {
    }

    static PublicPlanPage of(PublicClient.Plan plan, MeasurementClient.PublicFigures figures,
            List<MeasurementClient.PublicFigures> years, Words words) {
        Map<String, MeasurementClient.PublicRow> published = figures == null ? Map.of()
                : figures.rows().stream().collect(Collectors.toMap(MeasurementClient.PublicRow::kpiId,
                        Function.identity(), (first, second) -> first));
        Map<String, String> departments = plan.departments().stream().collect(Collectors.toMap(
                jp.shinchoku.portal.api.PlanClient.Department::code,
                department -> department.name() == null ? department.code() : department.name(), (a, b) -> a));
        List<PillarPart> pillars = new ArrayList<>();
        int kpis = 0;
        for (PublicClient.Pillar pillar : plan.pillars()) {
            List<MeasurePart> measures = new ArrayList<>();
            for (PublicClient.Measure measure : pillar.measures()) {
                List<KpiPart> parts = new ArrayList<>();
                for (PublicClient.Kpi kpi : measure.kpis()) {
                    List<YearValue> series = series(kpi.id(), years);
                    parts.add(new KpiPart(kpi, published.get(kpi.id()), series, chart(kpi, series, words)));
                }
                kpis += parts.size();
                measures.add(new MeasurePart(measure.code(), measure.title(), measure.summary(),
                        departments.getOrDefault(measure.department(), measure.department()), parts, measure.cost()));
            }
            pillars.add(new PillarPart(pillar.code(), pillar.title(), measures));
        }
        return new PublicPlanPage(plan, figures, figures == null ? null : Wareki.format(LocalDate.parse(figures.asOf())),
                figures == null || figures.publishedAt() == null ? null
                        : Wareki.format(figures.publishedAt().atZone(JAPAN).toLocalDate()), pillars, kpis);
    }

    private static List<YearValue> series(String kpiId, List<MeasurementClient.PublicFigures> years) {
        List<YearValue> values = new ArrayList<>();
        for (MeasurementClient.PublicFigures year : years) {
            year.rows().stream().filter(row -> row.kpiId().equals(kpiId) && row.latestValue() != null).findFirst()
                    .ifPresent(row -> values.add(new YearValue(year.fiscalYearLabel(), LocalDate.parse(year.asOf()),
                            row.latestValue())));
        }
        return values;
    }

    /** The plan's line from 現状値 to 目標値, and a dot for each year's published value. */
    private static Chart chart(PublicClient.Kpi kpi, List<YearValue> series, Words words) {
        if (series.isEmpty()) {
            return Chart.of(List.of(), List.of());
        }
        List<Chart.Point> plan = new ArrayList<>();
        if (kpi.baseline() != null && kpi.baselineAsOf() != null) {
            plan.add(new Chart.Point(LocalDate.parse(kpi.baselineAsOf().date()), kpi.baseline(), words.baseline()));
        }
        if (kpi.target() != null && kpi.due() != null) {
            plan.add(new Chart.Point(LocalDate.parse(kpi.due().date()), kpi.target(), words.target()));
        }
        return Chart.of(plan, series.stream().map(year -> new Chart.Point(year.day(), year.value(), year.fiscalYear()))
                .toList());
    }
}
