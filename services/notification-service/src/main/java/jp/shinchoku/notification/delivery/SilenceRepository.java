package jp.shinchoku.notification.delivery;

import java.util.List;
import java.util.Optional;

public interface SilenceRepository {

    void save(Silence silence);

    Optional<Silence> find(String id);

    /** Every silence, the latest first. */
    List<Silence> findAll();
}
