package jp.shinchoku.measurement.measurements;

import java.util.List;

/** Keeps the reports that were rejected, each with its answer to the sender (once per report event). */
public interface RejectionLog {

    void rejectedAll(List<ReportRejected> rejections);
}
