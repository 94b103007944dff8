package jp.shinchoku.platform.security;

/**
 * What a signed-in caller may do, from the {@code roles} claim of its token.
 * <ul>
 * <li>{@code DEPARTMENT}: a 担当部署 of one municipality: reports and corrects its own measures' values and milestone
 * statuses, reads its own;</li>
 * <li>{@code HQ}: the 推進本部 of one municipality: reads everything of it, revises plans, records reviews,
 * acknowledges and silences alerts, keeps departments' contacts;</li>
 * <li>{@code PREFECTURE}: reads its municipalities (granted in the {@code municipalities} claim), changes nothing;</li>
 * <li>{@code ADMIN}: the deployment's administrator, every municipality;</li>
 * <li>{@code SYSTEM}: a department's system (client credentials), reports for that department only;</li>
 * <li>{@code OPS}: reads the services' metrics and operational endpoints, no municipality's data.</li>
 * </ul>
 */
public enum Role {
    DEPARTMENT, HQ, PREFECTURE, ADMIN, SYSTEM, OPS;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
