package jp.shinchoku.notification.alerts;

import java.util.List;
import java.util.Optional;

/** Where alerts are kept; raising one stores it with its "raised" event in one atomic write. */
public interface AlertRepository {

    Optional<Alert> find(String alertId);

    /** Stores a new or re-firing alert, with its event. */
    void raise(Alert alert);

    /** Records that a firing alert's condition was seen again (no event). */
    void seenAgain(Alert alert);

    void resolve(Alert alert);

    /** Alerts for the receiver that fire on the KPI; the rules are per KPI, so this is what may clear. */
    List<Alert> firingForKpi(String kpiId);

    /** Every firing alert. */
    List<Alert> firing();

    List<Alert> inbox(String receiver, Alert.State state);
}
