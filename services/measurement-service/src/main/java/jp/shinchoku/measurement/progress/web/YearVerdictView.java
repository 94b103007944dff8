package jp.shinchoku.measurement.progress.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Texts;
import jp.shinchoku.measurement.progress.ProgressTexts;
import jp.shinchoku.measurement.progress.YearVerdict;

/**
 * A fiscal year's verdict as the API shows it: the year as a number and in 和暦, the verdict as a code and in words.
 *
 * @param fiscalYear  the fiscal year's starting calendar year (2023 is 令和5年度)
 * @param label       令和5年度
 * @param labelEn     FY2023
 * @param verdict     {@code ACHIEVED} or {@code MISSED}
 * @param verdictJa   達成 or 未達
 */
record YearVerdictView(int fiscalYear, String label, String labelEn, BigDecimal value, BigDecimal target,
        String verdict, String verdictJa, String verdictEn, List<String> shortMonths, LocalDate judgedOn) {

    static YearVerdictView of(YearVerdict verdict) {
        FiscalYear year = verdict.year();
        String key = "verdict." + Texts.keyOf(verdict.verdict().name());
        return new YearVerdictView(verdict.fiscalYear(), year.label(), year.labelEn(), verdict.value(), verdict.target(),
                verdict.verdict().name(), ProgressTexts.TEXTS.ja(key), ProgressTexts.TEXTS.en(key), verdict.shortMonths(),
                verdict.judgedOn());
    }
}
