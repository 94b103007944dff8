package jp.shinchoku.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportingPeriodTest {

    @ParameterizedTest
    @CsvSource({
            "annual,     2024-11-25, FY2024,    2024-04-01, 2025-03-31, 2025-04-30, 令和6年度",
            "semiannual, 2024-09-30, FY2024-H1, 2024-04-01, 2024-09-30, 2024-10-31, 令和6年度上期",
            "semiannual, 2024-10-01, FY2024-H2, 2024-10-01, 2025-03-31, 2025-04-30, 令和6年度下期",
            "quarterly,  2024-04-01, FY2024-Q1, 2024-04-01, 2024-06-30, 2024-07-31, 令和6年度第1四半期",
            "quarterly,  2025-02-28, FY2024-Q4, 2025-01-01, 2025-03-31, 2025-04-30, 令和6年度第4四半期",
            "monthly,    2025-01-15, 2025-01,   2025-01-01, 2025-01-31, 2025-02-28, 令和7年1月",
            "monthly,    2019-05-01, 2019-05,   2019-05-01, 2019-05-31, 2019-06-30, 令和元年5月",
            "monthly,    2024-01-31, 2024-01,   2024-01-01, 2024-01-31, 2024-02-29, 令和6年1月"})
    void aDateFallsInOnePeriodOfEachCadence(String cadence, LocalDate date, String code, LocalDate first,
            LocalDate last, LocalDate due, String label) {
        ReportingPeriod period = ReportingPeriod.containing(ReportingCadence.fromWire(cadence).orElseThrow(), date);

        assertThat(period.code()).isEqualTo(code);
        assertThat(period.firstDay()).isEqualTo(first);
        assertThat(period.lastDay()).isEqualTo(last);
        assertThat(period.reportDue()).isEqualTo(due);
        assertThat(period.label()).isEqualTo(label);
        assertThat(period.contains(date)).isTrue();
        assertThat(ReportingPeriod.parse(code)).isEqualTo(period);
        assertThat(ReportingPeriod.parse(label)).isEqualTo(period);
    }

    @Test
    void periodsFollowEachOtherAcrossFiscalYears() {
        ReportingPeriod q4 = ReportingPeriod.parse("FY2024-Q4");

        assertThat(q4.next()).isEqualTo(ReportingPeriod.parse("FY2025-Q1"));
        assertThat(q4.next().previous()).isEqualTo(q4);
        assertThat(ReportingPeriod.parse("2025-03").next()).isEqualTo(ReportingPeriod.parse("2025-04"));
        assertThat(ReportingPeriod.parse("2025-03").fiscalYear()).isEqualTo(FiscalYear.of(2024));
        assertThat(ReportingPeriod.parse("2025-04").fiscalYear()).isEqualTo(FiscalYear.of(2025));
    }

    @Test
    void fullWidthCodesAreRead() {
        assertThat(ReportingPeriod.parse("ＦＹ２０２４－Ｑ２")).isEqualTo(ReportingPeriod.parse("FY2024-Q2"));
        assertThat(ReportingPeriod.parse("fy2024-h1").code()).isEqualTo("FY2024-H1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FY24", "FY2024-Q5", "FY2024-H3", "2024-13", "2024Q1", "令和6年度第5四半期", "令和6年", "令和6年3月31日"})
    void unreadableCodesAreRefusedInJapaneseAndEnglish(String code) {
        assertThatThrownBy(() -> ReportingPeriod.parse(code))
                .isInstanceOf(InvalidDateReferenceException.class)
                .hasMessageContaining("FY2024-Q2")
                .satisfies(e -> assertThat(((InvalidDateReferenceException) e).messageJa()).contains("報告期間"));
    }
}
