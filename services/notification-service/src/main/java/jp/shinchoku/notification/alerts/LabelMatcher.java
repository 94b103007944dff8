package jp.shinchoku.notification.alerts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A condition on one label, written as in Prometheus Alertmanager: {@code rule=REPORT_MISSING},
 * {@code departmentCode!=somu}, {@code rule=~MILESTONE_.*} (the whole value matches), {@code planId!~pln-9.*}.
 * A label that is absent reads as empty.
 * <p>
 * A matcher cannot stall the dispatcher: its value is at most {@value #MAX_VALUE} characters, and a regular
 * expression may look at no more than {@value #STEP_BUDGET} characters of a label; one that would (catastrophic
 * backtracking) counts as not met, so a silence or inhibition built on it holds nothing back.
 */
public record LabelMatcher(String name, Operator operator, String value) {

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    public static final int MAX_VALUE = 200;
    public static final int MAX_PER_SILENCE = 10;
    static final int STEP_BUDGET = 20_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"?(.*?)\"?\\s*");

    public LabelMatcher {
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("a matcher's value takes at most " + MAX_VALUE + " characters");
        }
        if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
            compiled(value);
        }
    }

    private static Pattern compiled(String regex) {
        if (COMPILED.size() > 10_000) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
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
            case MATCHES -> matchesWithin(actual).orElse(false);
            case NOT_MATCHES -> matchesWithin(actual).map(matched -> !matched).orElse(false);
        };
    }

    /** Whether the regex matches the whole value, or empty where it would look at too much to tell. */
    private Optional<Boolean> matchesWithin(String actual) {
        try {
            return Optional.of(compiled(value).matcher(new Budgeted(actual, new int[] {STEP_BUDGET})).matches());
        } catch (BudgetExhausted e) {
            return Optional.empty();
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super(null, null, false, false);
        }
    }

    /** A label's text that counts the characters a regex looks at, and stops it past the budget. */
    private record Budgeted(CharSequence text, int[] steps) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (--steps[0] < 0) {
                throw new BudgetExhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.subSequence(start, end), steps);
        }

        @Override
        public String toString() {
            return text.toString();
        }
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
