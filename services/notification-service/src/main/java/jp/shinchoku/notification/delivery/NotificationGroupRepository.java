package jp.shinchoku.notification.delivery;

import java.util.List;

public interface NotificationGroupRepository {

    List<NotificationGroup> findAll();

    void save(NotificationGroup group);

    void delete(String key);
}
