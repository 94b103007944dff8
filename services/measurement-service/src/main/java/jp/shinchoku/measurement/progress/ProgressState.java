package jp.shinchoku.measurement.progress;

import java.util.ArrayList;
import java.util.List;

import jp.shinchoku.measurement.measurements.Measurement;

/**
 * A KPI's stored progress with the values it was computed from, kept together so that progress can be recomputed
 * for a new day or a new value from one read by key, however long the KPI's history grows elsewhere.
 *
 * @param values the KPI's measurements as progress needs them (without comments); null where the state was stored
 *               before it kept them (the history is then read once)
 */
public record ProgressState(Progress progress, List<Measurement> values) {

    public ProgressState {
        values = values == null ? null : List.copyOf(values);
    }

    /** The values with {@code measurement} added (once: a redelivered measurement changes nothing). */
    List<Measurement> with(Measurement measurement) {
        List<Measurement> all = new ArrayList<>(values == null ? List.of() : values);
        if (all.stream().noneMatch(m -> m.id().equals(measurement.id()))) {
            all.add(measurement.forProgress());
        }
        return all;
    }
}
