package jp.shinchoku.measurement.measurements;

import java.util.Collection;
import java.util.Set;

/** Which municipalities' 推進本部 approve reports (a small town may not): their reports are submitted (提出済) first. */
public interface ApprovalPolicy {

    /** No municipality approves: every report is taken as it comes. */
    ApprovalPolicy NONE = municipalities -> Set.of();

    /** Those of these municipalities that approve reports, in one read. */
    Set<String> requiring(Collection<String> municipalities);
}
