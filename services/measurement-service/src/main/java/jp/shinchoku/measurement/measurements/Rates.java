package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A percentage from the two counts it is reported as (記載率 = 記載した業務数 / 業務数 × 100). */
public final class Rates {

    /** Decimal places a derived rate keeps. */
    static final int SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** {@code numerator} / {@code denominator} × 100, to four decimal places, trailing zeros dropped. */
    public static BigDecimal percentage(BigDecimal numerator, BigDecimal denominator) {
        return numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
