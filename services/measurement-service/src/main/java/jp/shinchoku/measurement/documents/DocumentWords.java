package jp.shinchoku.measurement.documents;

import java.time.LocalDate;
import java.util.Locale;

import jp.shinchoku.calendar.Wareki;
import jp.shinchoku.measurement.evaluations.Evaluation;
import jp.shinchoku.measurement.progress.ProgressStatus;

/** How the documents write a direction, a status and a date: in Japanese (和暦) or in English (ISO). */
public final class DocumentWords {

    private DocumentWords() {
    }

    public static String direction(Evaluation.Direction direction, boolean japanese) {
        return direction == null ? null
                : DocumentTexts.TEXTS.in(japanese, "direction." + direction.name().toLowerCase(Locale.ROOT));
    }

    /** A status as the edition keeps it ({@code ON_TRACK}) in words (順調); an unknown one as it is. */
    public static String status(String status, boolean japanese) {
        if (status == null) {
            return null;
        }
        try {
            ProgressStatus known = ProgressStatus.valueOf(status);
            return japanese ? known.label() : known.labelEn();
        } catch (IllegalArgumentException unknown) {
            return status;
        }
    }

    public static String date(LocalDate date, boolean japanese) {
        return date == null ? null : japanese ? Wareki.format(date) : date.toString();
    }
}
