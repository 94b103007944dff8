package jp.shinchoku.plan.departments;

import java.time.Clock;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The department registry's use cases (担当部署の登録・変更). */
public class DepartmentService {

    private static final int MAX_ATTEMPTS = 5;

    private final DepartmentRegistry registry;
    private final Clock clock;

    public DepartmentService(DepartmentRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** What a registration did: registered a new department, changed one, or found it already so. */
    public record Registration(RegisteredDepartment department, Outcome outcome) {
        public enum Outcome {
            REGISTERED, CHANGED, UNCHANGED
        }
    }

    /** Registers a department or changes it; a change that changes nothing is not stored again. */
    public Registration register(String municipality, String code, RegisteredDepartment.Entry entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<RegisteredDepartment> current = registry.find(municipality, code);
            Optional<RegisteredDepartment> changed = RegisteredDepartment.register(current, municipality, code, entry,
                    clock.instant());
            if (changed.isEmpty()) {
                return new Registration(current.orElseThrow(), Registration.Outcome.UNCHANGED);
            }
            if (registry.save(changed.get(), current.map(RegisteredDepartment::version).orElse(0))) {
                return new Registration(changed.get(),
                        current.isEmpty() ? Registration.Outcome.REGISTERED : Registration.Outcome.CHANGED);
            }
        }
        throw new ConcurrentModificationException("department " + municipality + "/" + code + " kept changing");
    }

    /** Registers the departments a plan lists, where the registry does not know them yet; known ones stay as they are. */
    public void registerMissing(String municipality, List<Listed> listed) {
        for (Listed department : listed) {
            if (registry.find(municipality, department.code()).isEmpty()) {
                register(municipality, department.code(),
                        new RegisteredDepartment.Entry(department.name(), department.contact(), true));
            }
        }
    }

    /** A department as a plan document lists it. */
    public record Listed(String code, String name, String contact) {
    }

    public Optional<RegisteredDepartment> find(String municipality, String code) {
        return registry.find(municipality, code);
    }

    public List<RegisteredDepartment> list(String municipality) {
        return registry.list(municipality);
    }

    /** The codes of the municipality's active departments: the ones measures may be assigned to. */
    public Set<String> activeCodes(String municipality) {
        return registry.list(municipality).stream().filter(RegisteredDepartment::active)
                .map(RegisteredDepartment::code).collect(Collectors.toUnmodifiableSet());
    }
}
