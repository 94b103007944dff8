package jp.shinchoku.notification.delivery.messaging;

import jp.shinchoku.contracts.Topics;
import jp.shinchoku.contracts.plan.DepartmentChangedV1;
import jp.shinchoku.notification.delivery.DepartmentContacts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps each department's contact address from the plan service's registry (idempotent: by version). */
@Component
class DepartmentContactTrigger {

    private final DepartmentContacts contacts;

    DepartmentContactTrigger(DepartmentContacts contacts) {
        this.contacts = contacts;
    }

    @KafkaListener(id = "notification-departments", topics = Topics.Names.DEPARTMENTS)
    void onDepartment(ConsumerRecord<String, Object> record) {
        if (record.value() instanceof DepartmentChangedV1 changed) {
            contacts.save(changed.municipality(), changed.departmentCode(), changed.contact(), changed.active(),
                    changed.version());
        }
    }
}
