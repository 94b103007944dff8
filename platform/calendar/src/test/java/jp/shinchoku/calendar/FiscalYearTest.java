package jp.shinchoku.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2024-03-31, 2023", "2023-04-01, 2023", "2023-12-31, 2023", "2024-01-01, 2023", "2024-04-01, 2024"})
    void aDateFallsInTheFiscalYearThatStartedTheAprilBefore(LocalDate date, int startYear) {
        assertThat(FiscalYear.containing(date)).isEqualTo(FiscalYear.of(startYear));
        assertThat(FiscalYear.of(startYear).contains(date)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "2023, 令和5年度", "2019, 令和元年度", "2018, 平成30年度", "2020, 令和2年度", "1989, 平成元年度",
            "1988, 昭和63年度"})
    void fiscalYearsAreNamedByTheEraCoveringMostOfThem(int startYear, String label) {
        assertThat(FiscalYear.of(startYear).label()).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource({"令和6年度, 2024", "2024年度, 2024", "2024, 2024", "平成32年度, 2020", "令和元年度, 2019"})
    void fiscalYearsAreReadAsUsersWriteThem(String text, int startYear) {
        assertThat(FiscalYear.parse(text)).isEqualTo(FiscalYear.of(startYear));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01", "令和6年3月末", "令和0年度", "来年度"})
    void anythingButAFiscalYearIsRefused(String text) {
        assertThatThrownBy(() -> FiscalYear.parse(text)).isInstanceOf(InvalidDateReferenceException.class);
    }

    @Test
    void theLastDayIsTheEndOfMarch() {
        assertThat(FiscalYear.of(2023).lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(FiscalYear.of(2023).firstDay()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(FiscalYear.of(2023).next().labelEn()).isEqualTo("FY2024");
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-31, 令和6年3月31日", "2019-04-30, 平成31年4月30日", "2019-05-01, 令和元年5月1日",
            "1989-01-07, 昭和64年1月7日", "1989-01-08, 平成元年1月8日"})
    void datesAreWrittenInTheEraOfTheDay(LocalDate date, String wareki) {
        assertThat(Wareki.format(date)).isEqualTo(wareki);
        assertThat(Wareki.formatBoth(date)).isEqualTo(wareki + "（" + date + "）");
    }
}
