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

    static ReportedValue number(String decimal) {
        return new Number(new BigDecimal(decimal));
    }

    static ReportedValue text(String text) {
        return text == null ? null : new Text(text);
    }
}
