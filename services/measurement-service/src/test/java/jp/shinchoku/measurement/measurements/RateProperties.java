package jp.shinchoku.measurement.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A rate derived from numerator and denominator, for every pair a department may send. */
class RateProperties {

    @Property
    void theRateLiesBetweenZeroAndAHundredAndGivesBackTheNumerator(@ForAll @IntRange(min = 1, max = 1_000_000) int denominator,
            @ForAll @IntRange(max = 1_000_000) int share) {
        int numerator = (int) ((long) share * denominator / 1_000_000);
        BigDecimal rate = Rates.percentage(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));

        assertThat(rate).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        assertThat(rate.scale()).isLessThanOrEqualTo(Rates.SCALE);
        BigDecimal back = rate.multiply(BigDecimal.valueOf(denominator)).divide(BigDecimal.valueOf(100));
        assertThat(back.subtract(BigDecimal.valueOf(numerator)).abs())
                .as("rounding to 0.0001%% of %d", denominator)
                .isLessThanOrEqualTo(BigDecimal.valueOf(denominator).multiply(new BigDecimal("0.0000005")));
        if (numerator == denominator) {
            assertThat(rate).isEqualByComparingTo("100");
        }
        if (numerator == 0) {
            assertThat(rate).isEqualByComparingTo("0");
        }
    }
}
