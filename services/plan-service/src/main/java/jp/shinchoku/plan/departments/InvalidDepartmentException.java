package jp.shinchoku.plan.departments;

import java.util.List;

/** A department entry that cannot be registered; each problem is {field, Japanese, English}. */
public class InvalidDepartmentException extends RuntimeException {

    private final List<String[]> problems;

    InvalidDepartmentException(List<String[]> problems) {
        super(problems.getFirst()[0] + ": " + problems.getFirst()[2]);
        this.problems = List.copyOf(problems);
    }

    public List<String[]> problems() {
        return problems;
    }
}
