package jp.shinchoku.plan.departments.persistence;

import java.util.List;

import jp.shinchoku.plan.departments.RegisteredDepartment;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A department as stored ({@code _id} is {@code municipality/code}), with its unpublished events. */
@Document(DepartmentDocument.COLLECTION)
public record DepartmentDocument(@Id String id, String municipality, RegisteredDepartment department,
        List<OutboxEntry> outbox) {

    public static final String COLLECTION = "departments";

    static String idOf(String municipality, String code) {
        return municipality + "/" + code;
    }
}
