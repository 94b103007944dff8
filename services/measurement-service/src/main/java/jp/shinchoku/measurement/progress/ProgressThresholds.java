package jp.shinchoku.measurement.progress;

import java.math.BigDecimal;

/**
 * What counts as 注意 and 遅れ: a KPI whose achievement is below {@code atRiskBelow} of what its trajectory
 * expects by now is AT_RISK; below {@code behindBelow}, BEHIND.
 */
public record ProgressThresholds(BigDecimal atRiskBelow, BigDecimal behindBelow) {

    public static final ProgressThresholds DEFAULTS = new ProgressThresholds(new BigDecimal("0.9"), new BigDecimal("0.7"));

    public ProgressThresholds {
        if (behindBelow.compareTo(atRiskBelow) > 0) {
            throw new IllegalArgumentException("behind-below must not exceed at-risk-below");
        }
    }
}
