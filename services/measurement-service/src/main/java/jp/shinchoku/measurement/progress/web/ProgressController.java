package jp.shinchoku.measurement.progress.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jp.shinchoku.measurement.approvals.Approvals;
import jp.shinchoku.measurement.kpis.web.KpiAccess;
import jp.shinchoku.measurement.progress.Progress;
import jp.shinchoku.measurement.progress.ProgressService;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgressController {

    private final ProgressService progress;

    private final KpiAccess kpiAccess;

    private final Approvals approvals;

    ProgressController(ProgressService progress, KpiAccess kpiAccess, Approvals approvals) {
        this.approvals = approvals;
        this.progress = progress;
        this.kpiAccess = kpiAccess;
    }

    /**
     * The KPI's progress as the API shows it; {@code provisional} while it counts a report the 推進本部 has not yet
     * approved (暫定).
     */
    record ProgressView(@JsonUnwrapped Progress progress, boolean provisional) {
    }

    @GetMapping("/api/kpis/{kpiId}/progress")
    ProgressView progressView(@PathVariable String kpiId) {
        Progress current = progress(kpiId);
        return new ProgressView(current, approvals.provisional(kpiId, kpiAccess.readable(kpiId).municipalityCode()));
    }

    private Progress progress(String kpiId) {
        kpiAccess.readable(kpiId);
        return progress.current(kpiId).orElseThrow(() -> ApiProblem.of(ProgressQueryController.PROBLEMS,
                HttpStatus.NOT_FOUND, "progress-not-found", kpiId));
    }

    /** The verdict of each fiscal year that has ended, oldest first; none for a KPI judged only by its deadline. */
    @GetMapping("/api/kpis/{kpiId}/years")
    List<YearVerdictView> years(@PathVariable String kpiId) {
        return progress(kpiId).years().stream().map(YearVerdictView::of).toList();
    }
}
