package jp.shinchoku.measurement.approvals;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.shinchoku.measurement.measurements.Measurement;

/** The submitted reports and the decisions on them, kept on the measurements themselves. */
public interface ReviewRepository {

    /** A measurement with the decision on it, if any. */
    record Reviewed(Measurement measurement, Review review) {
    }

    Optional<Reviewed> find(String measurementId);

    /** The plan's measurements awaiting a decision (those a correction replaced included), by measurement date. */
    List<Measurement> awaiting(String planId);

    /** The KPI's measurements awaiting a decision (those a correction replaced included). */
    List<Measurement> awaitingOfKpi(String kpiId);

    /**
     * The reports of these KPIs the 推進本部 returned (差戻し), answered by a correction or not, by measurement date; read
     * through the KPI index in one query.
     */
    List<Reviewed> returned(Collection<String> kpiIds);

    /** Those of these measurements a correction replaced. */
    Set<String> superseded(Collection<String> measurementIds);

    /**
     * Keeps the decision with its event, unless one was made in between.
     *
     * @return false when the measurement was decided on already
     */
    boolean decide(Measurement measurement, Review review, Object event);
}
