package jp.shinchoku.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateReferencesTest {

    @ParameterizedTest(name = "{0} → {1}..{2} ({3})")
    @CsvSource({
            "2024-03-31,        2024-03-31, 2024-03-31, DAY",
            "令和5年度,          2023-04-01, 2024-03-31, FISCAL_YEAR",
            "令和5年度末,        2023-04-01, 2024-03-31, FISCAL_YEAR",
            "令和 2 年度,        2020-04-01, 2021-03-31, FISCAL_YEAR",
            "令和元年度,         2019-04-01, 2020-03-31, FISCAL_YEAR",
            "令和５年度までに,    2023-04-01, 2024-03-31, FISCAL_YEAR",
            "2023年度,           2023-04-01, 2024-03-31, FISCAL_YEAR",
            "平成30年度,         2018-04-01, 2019-03-31, FISCAL_YEAR",
            "平成32年度,         2020-04-01, 2021-03-31, FISCAL_YEAR",
            "平成37年度,         2025-04-01, 2026-03-31, FISCAL_YEAR",
            "令和4年3月末,       2022-03-01, 2022-03-31, MONTH",
            "平成32年3月末,      2020-03-01, 2020-03-31, MONTH",
            "2024年2月,          2024-02-01, 2024-02-29, MONTH",
            "令和6年3月31日,     2024-03-31, 2024-03-31, DAY",
            "平成31年4月30日,    2019-04-30, 2019-04-30, DAY",
            "令和元年5月1日,     2019-05-01, 2019-05-01, DAY",
            "2020年まで,         2020-01-01, 2020-12-31, YEAR",
            "昭和64年1月7日,     1989-01-07, 1989-01-07, DAY"})
    void readsDatesAsPlansWriteThem(String text, LocalDate first, LocalDate last, DateReference.Precision precision) {
        DateReference reference = DateReferences.parse(text);
        assertThat(reference.firstDay()).isEqualTo(first);
        assertThat(reference.lastDay()).isEqualTo(last);
        assertThat(reference.precision()).isEqualTo(precision);
    }

    @ParameterizedTest
    @ValueSource(strings = {"令和0年度", "令和0年4月1日", "平成45年4月31日", "平成31年5月1日", "令和元年4月30日",
            "平成45年度", "2023-02-30", "令和5年13月", "2023/04/01", "来年度", "令和五年度"})
    void rejectsWhatCannotBeADate(String text) {
        assertThatThrownBy(() -> DateReferences.parse(text))
                .isInstanceOfSatisfying(InvalidDateReferenceException.class, e -> {
                    assertThat(e.messageJa()).contains(text);
                    assertThat(e.messageEn()).contains(text);
                });
    }

    @Test
    void aDeadlineFallsInTheFiscalYearItEnds() {
        assertThat(DateReferences.parse("令和5年度末").fiscalYear().label()).isEqualTo("令和5年度");
        assertThat(DateReferences.parseOptional(" ")).isEmpty();
    }
}
