package jp.shinchoku.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Records a service keeps anyway that are audit entries too, read as such instead of being written twice: a
 * measurement says who reported what, when and from where. The trail's queries read them beside its own entries.
 */
public interface AuditSource {

    /** Entries newest first, as {@link AuditTrail#find} asks for them (null: no condition). */
    List<AuditEntry> find(Set<String> municipalities, String actor, String action, String target, Instant from,
            Instant until, int limit);
}
