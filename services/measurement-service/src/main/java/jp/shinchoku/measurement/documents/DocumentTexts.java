package jp.shinchoku.measurement.documents;

import jp.shinchoku.calendar.Texts;

/** The words of the documents this service makes (documents.properties, documents_ja.properties). */
public final class DocumentTexts {

    public static final Texts TEXTS = new Texts("jp.shinchoku.measurement.documents.documents");

    private DocumentTexts() {
    }
}
