package jp.shinchoku.measurement.progress.web;

import java.util.List;

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

    ProgressController(ProgressService progress, KpiAccess kpiAccess) {
        this.progress = progress;
        this.kpiAccess = kpiAccess;
    }

    @GetMapping("/api/kpis/{kpiId}/progress")
    Progress progress(@PathVariable String kpiId) {
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
