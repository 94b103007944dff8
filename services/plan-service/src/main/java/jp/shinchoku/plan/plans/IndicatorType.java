package jp.shinchoku.plan.plans;

import java.util.Locale;

/**
 * What a KPI tells: {@code OUTPUT}, 進捗指標, what was done (研修の実施回数, 公開したデータセット数); {@code OUTCOME}, 効果指標,
 * what it changed (申請のオンライン利用率, 窓口の待ち時間). A plan states 費用対効果 with its outcomes beside its measures' cost.
 */
public enum IndicatorType {
    OUTPUT, OUTCOME;

    /** 進捗 or 効果 ({@code indicator-type.<type>} of {@link PlanTexts}). */
    public String label() {
        return PlanTexts.TEXTS.ja("indicator-type." + name().toLowerCase(Locale.ROOT));
    }

    /** Reads {@code output} or {@code outcome}, or as plans write them: {@code 進捗}/{@code 効果} (or 進捗指標/効果指標). */
    public static IndicatorType parse(String text) {
        if (text == null) {
            return null;
        }
        String written = text.strip();
        for (IndicatorType type : values()) {
            if (written.equals(type.label()) || written.equals(type.label() + "指標")) {
                return type;
            }
        }
        return WireNames.parse(IndicatorType.class, written);
    }
}
