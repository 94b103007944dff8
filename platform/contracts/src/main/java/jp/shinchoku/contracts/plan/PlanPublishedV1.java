package jp.shinchoku.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code plan.published.v1}: a plan (計画) was published or republished; the outline of its pillars and
 * measures. The KPIs' full definitions travel separately as {@link KpiDefinedV1}.
 */
public record PlanPublishedV1(
        String planId,
        Municipality municipality,
        String title,
        LocalDate issuedOn,
        int revision,
        List<Pillar> pillars,
        Instant publishedAt) {

    public PlanPublishedV1 {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(publishedAt, "publishedAt");
        pillars = pillars == null ? List.of() : List.copyOf(pillars);
    }

    /** 地方公共団体: {@code code} is the 地方公共団体コード where known. */
    public record Municipality(String code, String name, String prefecture) {
        public Municipality {
            Objects.requireNonNull(name, "municipality.name");
        }
    }

    /** 柱: a pillar of the plan. */
    public record Pillar(String code, String title, List<Measure> measures) {
        public Pillar {
            Objects.requireNonNull(code, "pillar.code");
            measures = measures == null ? List.of() : List.copyOf(measures);
        }
    }

    /**
     * 個別施策: a measure, with its responsible department (担当部署; null while unassigned). A {@code retired} measure
     * was ended by a revision: no more reports are expected for it or its milestones.
     */
    public record Measure(String code, String title, String departmentCode, List<String> kpiIds,
            List<Milestone> milestones, Boolean retired) {
        public Measure {
            Objects.requireNonNull(code, "measure.code");
            kpiIds = kpiIds == null ? List.of() : List.copyOf(kpiIds);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            retired = Boolean.TRUE.equals(retired);
        }
    }

    /**
     * スケジュール: a milestone of a measure.
     *
     * @param decidesTargetOf the KPI whose 未設定 target is decided by this milestone, if any
     * @param status          {@code not-started}, {@code in-progress}, {@code done}, {@code delayed} or {@code cancelled}
     */
    public record Milestone(String milestoneId, String text, LocalDate due, String decidesTargetOf, String status) {
        public Milestone {
            Objects.requireNonNull(milestoneId, "milestoneId");
        }
    }
}
