package jp.shinchoku.measurement.progress;

import java.util.Map;

/**
 * Which thresholds apply to a municipality's KPIs: its own where it set them, the defaults otherwise.
 *
 * @param byMunicipality thresholds by 地方公共団体コード
 */
public record ProgressPolicy(ProgressThresholds defaults, Map<String, ProgressThresholds> byMunicipality) {

    public static final ProgressPolicy DEFAULTS = new ProgressPolicy(ProgressThresholds.DEFAULTS, Map.of());

    public ProgressPolicy {
        byMunicipality = byMunicipality == null ? Map.of() : Map.copyOf(byMunicipality);
    }

    public ProgressThresholds forMunicipality(String municipality) {
        return municipality == null ? defaults : byMunicipality.getOrDefault(municipality, defaults);
    }
}
