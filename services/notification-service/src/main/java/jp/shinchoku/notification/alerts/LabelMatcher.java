package jp.shinchoku.notification.alerts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A condition on one label, written as in Prometheus Alertmanager: {@code rule=REPORT_MISSING},
 * {@code departmentCode!=somu}, {@code rule=~MILESTONE_.*} (the whole value matches), {@code planId!~pln-9.*}.
 * A label that is absent reads as empty.
 */
public record LabelMatcher(String name, Operator operator, String value) {

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"?(.*?)\"?\\s*");

    public LabelMatcher {
        if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
            Pattern.compile(value);
        }
    }

    /**
     * Reads {@code name=value}, {@code name!=value}, {@code name=~regex} or {@code name!~regex}.
     *
     * @throws IllegalArgumentException when the text is not of that form or the regex does not compile
     */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a label matcher (name=value, name!=value, name=~regex, name!~regex): " + text);
        }
        Operator operator = switch (m.group(2)) {
            case "=" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "=~" -> Operator.MATCHES;
            default -> Operator.NOT_MATCHES;
        };
        try {
            return new LabelMatcher(m.group(1), operator, m.group(3));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a regular expression: " + m.group(3), e);
        }
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> actual.matches(value);
            case NOT_MATCHES -> !actual.matches(value);
        };
    }

    public static boolean all(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
        for (LabelMatcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + operator.symbol + value;
    }
}
