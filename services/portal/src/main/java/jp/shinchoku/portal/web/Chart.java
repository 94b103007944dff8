package jp.shinchoku.portal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.shinchoku.calendar.FiscalYear;
import jp.shinchoku.calendar.Wareki;

/**
 * A KPI's values against its trajectory (現状値 → 中間目標 → 目標値) as an SVG drawn on the server: the trajectory as a
 * line through its labelled points, each reported value as a dot, a tick per fiscal year. The page shows the same
 * figures as a table for those who do not see the chart.
 */
record Chart(int width, int height, String trajectory, List<Dot> steps, List<Dot> values, List<Tick> ticks,
        List<Tick> levels, boolean empty) {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final int MIN_TICK_GAP = 72;

    record Point(LocalDate date, BigDecimal value, String label) {
    }

    record Dot(double x, double y, String label) {
    }

    record Tick(double at, String label) {
    }

    static Chart of(List<Point> trajectory, List<Point> values) {
        List<Point> all = new ArrayList<>(trajectory);
        all.addAll(values);
        if (all.isEmpty()) {
            return new Chart(WIDTH, HEIGHT, "", List.of(), List.of(), List.of(), List.of(), true);
        }
        LocalDate first = all.stream().map(Point::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = all.stream().map(Point::date).max(LocalDate::compareTo).orElseThrow();
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        double top = all.stream().map(Point::value).mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double bottom = Math.min(0, all.stream().map(Point::value).mapToDouble(BigDecimal::doubleValue).min().orElse(0));
        double span = top - bottom == 0 ? 1 : (top - bottom) * 1.1;
        Scale scale = new Scale(first, days, bottom, span);
        StringBuilder line = new StringBuilder();
        List<Dot> steps = new ArrayList<>();
        for (Point point : trajectory) {
            Dot dot = scale.dot(point);
            line.append(line.isEmpty() ? "" : " ").append(format(dot.x())).append(',').append(format(dot.y()));
            steps.add(dot);
        }
        List<Dot> dots = values.stream().map(scale::dot).toList();
        List<Tick> ticks = new ArrayList<>();
        for (FiscalYear year = FiscalYear.containing(first); !year.firstDay().isAfter(last); year = year.next()) {
            LocalDate day = year.firstDay().isBefore(first) ? first : year.firstDay();
            double at = scale.x(day);
            // a fiscal year that starts close to the previous tick gives it no room for its label: the later one is shown
            if (!ticks.isEmpty() && at - ticks.getLast().at() < MIN_TICK_GAP) {
                ticks.removeLast();
            }
            ticks.add(new Tick(at, year.label()));
        }
        List<Tick> levels = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = bottom + span * i / 4;
            levels.add(new Tick(scale.y(value), String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value)));
        }
        return new Chart(WIDTH, HEIGHT, line.toString(), steps, dots, ticks, levels, false);
    }

    private record Scale(LocalDate first, long days, double bottom, double span) {
        double x(LocalDate date) {
            return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, date) / days;
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value - bottom) / span;
        }

        Dot dot(Point point) {
            String label = (point.label() == null ? "" : point.label() + " ") + Wareki.format(point.date()) + ": "
                    + point.value().stripTrailingZeros().toPlainString();
            return new Dot(x(point.date()), y(point.value().doubleValue()), label);
        }
    }

    private static String format(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }
}
