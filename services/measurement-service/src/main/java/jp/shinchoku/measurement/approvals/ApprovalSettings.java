package jp.shinchoku.measurement.approvals;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Each municipality's choice whether its 推進本部 approves reports, as it last set it. */
public interface ApprovalSettings {

    /** A municipality's choice, who made it and when. */
    record Setting(String municipality, boolean required, String by, java.time.Instant at) {
    }

    Optional<Setting> find(String municipality);

    /** The municipalities among these that chose to approve (one read); those that never chose are absent. */
    Set<String> chosen(Collection<String> municipalities, boolean required);

    void save(Setting setting);
}
