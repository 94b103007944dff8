package jp.shinchoku.plan.plans;

/** Which way a KPI should move: up (件数の増加), down (窓口滞在時間の削減), or be achieved once (実現). */
public enum Direction {
    INCREASE, DECREASE, ACHIEVE;
}
