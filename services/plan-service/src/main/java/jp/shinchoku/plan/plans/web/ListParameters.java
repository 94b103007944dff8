package jp.shinchoku.plan.plans.web;

import java.time.LocalDate;
import java.util.Locale;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.plan.plans.MilestoneStatus;
import jp.shinchoku.plan.plans.PlanFilter;
import jp.shinchoku.platform.web.ApiProblem;
import jp.shinchoku.platform.web.DateParameters;

/**
 * Reads a list's filters from query parameters, written as users write them: {@code fiscalYear=令和6年度},
 * {@code dueFrom=令和6年4月}, {@code dueTo=2025-03-31} (a window runs from the first day of {@code dueFrom} to the
 * last day of {@code dueTo}).
 */
final class ListParameters {

    private ListParameters() {
    }

    static PlanFilter filter(String municipality, String plan, String department, String fiscalYear, String dueFrom,
            String dueTo, String status, boolean includeRetired) {
        MilestoneStatus milestoneStatus = status == null ? null : MilestoneStatus.parse(status).orElseThrow(() -> invalid(
                "status", status, "parameter.status"));
        LocalDate from = date("dueFrom", dueFrom, true);
        LocalDate to = date("dueTo", dueTo, false);
        if (from != null && to != null && to.isBefore(from)) {
            throw invalid("dueTo", dueTo, "parameter.window-ends-before-start");
        }
        return new PlanFilter(blankToNull(municipality), blankToNull(plan), blankToNull(department),
                fiscalYear(fiscalYear), from, to, milestoneStatus, includeRetired);
    }

    private static FiscalYear fiscalYear(String text) {
        return DateParameters.fiscalYear("fiscalYear", text);
    }

    private static LocalDate date(String name, String text, boolean start) {
        return start ? DateParameters.firstDay(name, text) : DateParameters.lastDay(name, text);
    }

    /** A date parameter such as {@code asOf}: the last day of what it names. */
    static LocalDate day(String name, String text) {
        return DateParameters.lastDay(name, text);
    }

    /** A parameter refused, why being {@code why} of the service's problems. */
    private static ApiProblem invalid(String name, String value, String why) {
        return DateParameters.invalid(name, value, ApiProblem.message(PlanController.PROBLEMS, Locale.JAPANESE, why),
                ApiProblem.message(PlanController.PROBLEMS, Locale.ENGLISH, why));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
