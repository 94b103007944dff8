package jp.shinchoku.measurement.approvals;

import java.time.Instant;
import java.util.Objects;

/**
 * The 推進本部's decision on a submitted report: approved (承認), or returned (差戻し) to its department with a
 * reason. Made once; a returned report is answered with a correction, which is submitted in its turn.
 */
public record Review(Decision decision, String by, Instant at, String reason) {

    public enum Decision {
        /** 承認 */
        APPROVED,
        /** 差戻し */
        RETURNED
    }

    public Review {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
    }
}
