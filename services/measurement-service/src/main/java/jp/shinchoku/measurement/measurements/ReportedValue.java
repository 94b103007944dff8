package jp.shinchoku.measurement.measurements;

import java.math.BigDecimal;

/**
 * A value as a department sent it, before it is read against its KPI: a JSON number or boolean, or text (a CSV
 * cell, a Kafka payload's field, a qualitative KPI's answer).
 */
public sealed interface ReportedValue {

    record Number(BigDecimal value) implements ReportedValue {
    }

    record Bool(boolean value) implements ReportedValue {
    }

    record Text(String value) implements ReportedValue {
    }

    /**
     * A percentage as numerator / denominator (記載した業務数 / 業務数); {@code rate} is the percentage if it was sent
     * too (it must then agree).
     */
    record Fraction(ReportedValue numerator, ReportedValue denominator, ReportedValue rate) implements ReportedValue {
    }

    /** The value as sent, or a fraction where a numerator or denominator was sent. */
    static ReportedValue of(ReportedValue value, ReportedValue numerator, ReportedValue denominator) {
        return numerator == null && denominator == null ? value : new Fraction(numerator, denominator, value);
    }

    static ReportedValue number(String decimal) {
        return new Number(new BigDecimal(decimal));
    }

    static ReportedValue text(String text) {
        return text == null ? null : new Text(text);
    }
}
