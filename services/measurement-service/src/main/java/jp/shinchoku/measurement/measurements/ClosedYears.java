package jp.shinchoku.measurement.measurements;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The fiscal years each plan has closed (年度締め): a closed year takes no report and no correction. */
public interface ClosedYears {

    /** Every year open. */
    ClosedYears NONE = planIds -> Map.of();

    /** The closed fiscal years of these plans (by starting calendar year), in one read; plans with none are absent. */
    Map<String, Set<Integer>> of(Collection<String> planIds);
}
