package jp.shinchoku.measurement.measurements;

import java.util.List;

/**
 * What this service does on the path of a recording, once the measurements are kept (its KPIs' progress), before their
 * {@code measurement.recorded} events go out. Called again for a measurement whose recording was interrupted (and for a
 * report sent again), so it must be safe to repeat.
 */
@FunctionalInterface
public interface AfterRecording {

    AfterRecording NOTHING = measurements -> {
    };

    void recorded(List<Measurement> measurements);
}
