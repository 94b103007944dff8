package jp.shinchoku.portal.web;

import java.util.List;

/**
 * 会議資料: what the 推進本部 (情報化推進会議) is shown of a plan on a day, the same on the page and in the PDF. Figures
 * and names as the services gave them, statuses and the like as codes (the templates name them in the reader's
 * language), dates in 和暦 with 西暦, the decisions asked for already in words.
 *
 * @param date the day of the pack in 和暦 ({@code 令和5年10月2日（2023-10-02）}): the measurement service's today
 * @param isoDate the same day, {@code 2023-10-02} (the PDF's file name)
 * @param generatedBy who made it: the signed-in person's name
 * @param statuses the status codes the counts are by, in the order of the columns
 * @param since the edition the last meeting saw ({@code null}: no edition yet, nothing to compare with)
 * @param evaluationYear the fiscal year whose 施策評価 are counted ({@code 令和4年度}), the one that ended last
 * @param decisions the decisions asked for, numbered in this order
 */
record MeetingPack(String planId, String planTitle, String municipality, String date, String isoDate, String generatedBy,
        List<String> statuses, List<CountRow> counts, CountRow total, Edition since,
        List<Worsened> worsened, List<Overdue> overdue, List<OpenAlert> alerts, List<Undecided> undecided,
        String evaluationYear, List<Waiting> waiting, List<String> decisions) {

    /** A 柱 (or the plan, as the total) and how many of its KPIs have each status, in the order of the columns. */
    record CountRow(String label, List<Integer> counts, int kpis) {
    }

    /** The edition the last meeting saw: its fiscal year, why it was frozen ({@code CLOSED}, {@code REVIEWED}), when. */
    record Edition(String id, String year, String cause, String frozenAt) {
    }

    /** A KPI whose status is worse now than in that edition ({@code before}, {@code now}: status codes). */
    record Worsened(String kpiId, String name, String pillar, String measure, String department, String before,
            String now) {
    }

    /** A report past its due date (翌月末) and not made: whose, for which KPI and period, due when. */
    record Overdue(String department, String kpiId, String kpi, String period, String dueOn) {
    }

    /** An alert firing to the 推進本部: severity, rule (its code and name), what it says, since when, who acts on it. */
    record OpenAlert(String severity, String rule, String ruleName, String subject, String since,
            String acknowledgedBy) {
    }

    /** A KPI whose target is still 未設定, and the day it is to be decided by ({@code late} once past). */
    record Undecided(String kpiId, String name, String measure, String department, String decideBy, boolean late) {
    }

    /** A measure's 自己評価 submitted and not yet evaluated: its grade and direction (codes), when it came. */
    record Waiting(String measure, String department, String grade, String direction, String submittedAt) {
    }
}
