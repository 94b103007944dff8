package jp.shinchoku.plan.departments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 担当部署 in a municipality's registry: its code, current name, where its notices go, and whether it is active.
 *
 * @param municipality the municipality's 地方公共団体コード, or its name where the code is not known
 * @param version      1 when registered, one more with every change
 */
public record RegisteredDepartment(String municipality, String code, String name, String contact, boolean active,
        int version, Instant changedAt) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public RegisteredDepartment {
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(code, "code");
    }

    /** What a registration or change asks for: the name, the contact for notices, whether it is active. */
    public record Entry(String name, String contact, Boolean active) {
    }

    /**
     * Registers a department, or changes a registered one.
     *
     * @return the department after the change, or empty when nothing changes
     * @throws InvalidDepartmentException with every problem found
     */
    public static Optional<RegisteredDepartment> register(Optional<RegisteredDepartment> current, String municipality,
            String code, Entry entry, Instant now) {
        List<String[]> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(problem("code", "department.code-invalid"));
        }
        if (entry.name() == null || entry.name().isBlank()) {
            problems.add(problem("name", "department.name-required"));
        }
        if (entry.contact() != null && !entry.contact().isBlank() && !EMAIL.matcher(entry.contact().strip()).matches()) {
            problems.add(problem("contact", "department.contact-not-email"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDepartmentException(problems);
        }
        String contact = entry.contact() == null || entry.contact().isBlank() ? null : entry.contact().strip();
        boolean active = entry.active() == null || entry.active();
        if (current.isPresent()) {
            RegisteredDepartment was = current.get();
            if (was.name().equals(entry.name().strip()) && Objects.equals(was.contact(), contact) && was.active() == active) {
                return Optional.empty();
            }
            return Optional.of(new RegisteredDepartment(municipality, code, entry.name().strip(), contact, active,
                    was.version() + 1, now));
        }
        return Optional.of(new RegisteredDepartment(municipality, code, entry.name().strip(), contact, active, 1, now));
    }

    /** A problem of an entry: {field, Japanese, English}, the texts the key's in {@link DepartmentTexts}. */
    private static String[] problem(String field, String key) {
        return new String[] {field, DepartmentTexts.TEXTS.ja(key), DepartmentTexts.TEXTS.en(key)};
    }
}
