package jp.shinchoku.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checked against the Cabinet Office's lists (内閣府「国民の祝日について」). */
class JapaneseHolidaysTest {

    @Test
    void theCabinetOfficesListFor2025() {
        assertThat(JapaneseHolidays.of(2025).keySet()).extracting(LocalDate::toString).containsExactly(
                "2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24", "2025-03-20", "2025-04-29",
                "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15",
                "2025-09-23", "2025-10-13", "2025-11-03", "2025-11-23", "2025-11-24");
    }

    @Test
    void theCabinetOfficesListFor2026() {
        assertThat(JapaneseHolidays.of(2026).keySet()).extracting(LocalDate::toString).containsExactly(
                "2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20", "2026-04-29", "2026-05-03",
                "2026-05-04", "2026-05-05", "2026-05-06", "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22",
                "2026-09-23", "2026-10-12", "2026-11-03", "2026-11-23");
    }

    @Test
    void theOneOffYearsOfTheEnthronementAndTheTokyoGames() {
        assertThat(JapaneseHolidays.of(2019).keySet()).extracting(LocalDate::toString).contains(
                "2019-04-30", "2019-05-01", "2019-05-02", "2019-05-06", "2019-10-22").doesNotContain("2019-12-23", "2019-02-23");
        assertThat(JapaneseHolidays.of(2020).keySet()).extracting(LocalDate::toString).contains(
                "2020-02-24", "2020-07-23", "2020-07-24", "2020-08-10").doesNotContain("2020-10-12", "2020-08-11");
        assertThat(JapaneseHolidays.of(2021).keySet()).extracting(LocalDate::toString).contains(
                "2021-07-22", "2021-07-23", "2021-08-08", "2021-08-09").doesNotContain("2021-10-11");
    }

    @ParameterizedTest
    @CsvSource({
            "2025-02-24, 振替休日", "2025-03-20, 春分の日", "2025-09-23, 秋分の日", "2026-09-22, 国民の休日",
            "2024-09-22, 秋分の日", "2024-09-23, 振替休日", "2027-03-21, 春分の日", "2027-03-22, 振替休日",
            "2023-01-02, 振替休日", "2030-09-23, 秋分の日", "2032-09-21, 国民の休日"})
    void theHolidaysThatLibrariesGetWrong(LocalDate date, String name) {
        assertThat(JapaneseHolidays.name(date)).contains(name);
    }

    @Test
    void equinoxesMatchTheAnnouncedDays() {
        List<int[]> announced = List.of(new int[] {2023, 21, 23}, new int[] {2024, 20, 22}, new int[] {2025, 20, 23},
                new int[] {2026, 20, 23}, new int[] {2027, 21, 23});
        for (int[] year : announced) {
            assertThat(JapaneseHolidays.vernalEquinox(year[0])).as("春分 %d", year[0]).isEqualTo(year[1]);
            assertThat(JapaneseHolidays.autumnalEquinox(year[0])).as("秋分 %d", year[0]).isEqualTo(year[2]);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2025-02-21, true", "2025-02-22, false", "2025-02-24, false", "2025-03-20, false", "2025-09-23, false",
            "2026-09-22, false", "2025-12-26, true", "2025-12-29, false", "2026-01-02, false", "2026-01-03, false",
            "2026-01-05, true"})
    void businessDaysSkipWeekendsHolidaysAndTheYearEndClosure(LocalDate date, boolean open) {
        assertThat(BusinessDays.isBusinessDay(date)).isEqualTo(open);
    }

    @Test
    void businessDaysCountAcrossTheClosureAndHolidays() {
        assertThat(BusinessDays.plus(LocalDate.parse("2025-12-26"), 1)).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(BusinessDays.plus(LocalDate.parse("2026-09-18"), 1)).as("over 敬老の日, 国民の休日, 秋分の日")
                .isEqualTo(LocalDate.parse("2026-09-24"));
        assertThat(BusinessDays.plus(LocalDate.parse("2025-02-22"), 0)).isEqualTo(LocalDate.parse("2025-02-25"));
        assertThat(BusinessDays.between(LocalDate.parse("2025-12-26"), LocalDate.parse("2026-01-09"))).isEqualTo(5);
    }
}
