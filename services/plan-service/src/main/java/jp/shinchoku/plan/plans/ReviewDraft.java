package jp.shinchoku.plan.plans;

import java.util.List;

/**
 * A fiscal year's review (年度見直し) as the 推進本部 records it: the fiscal year ({@code 令和6年度}, {@code 2024年度}
 * or {@code 2024}), its note, who held it, and the revisions it decided (none when the plan stays as it is). A
 * revision without its own {@code revisedBy} is made by {@code reviewedBy}.
 */
public record ReviewDraft(String fiscalYear, String note, String reviewedBy, List<RevisionDraft> revisions) {

    public ReviewDraft {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** The same review, and the revisions it decides, recorded by this signed-in person. */
    public ReviewDraft by(String who) {
        return new ReviewDraft(fiscalYear, note, who, revisions.stream().map(revision -> revision.by(who)).toList());
    }
}
