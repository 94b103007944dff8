package jp.shinchoku.notification.kpis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The KPIs being watched. Each update sets only its own half, so they may arrive in any order. */
public interface KpiWatchRepository {

    KpiWatch saveDefinition(String kpiId, String planId, String measureCode, String departmentCode, String name,
            LocalDate deadline, boolean retired);

    KpiWatch saveProgress(String kpiId, String planId, String departmentCode, LocalDate deadline, String status,
            BigDecimal achievement, BigDecimal expectedAchievement, LocalDate asOf);

    Optional<KpiWatch> find(String kpiId);
}
