package jp.shinchoku.portal.api;

import java.util.Locale;

/**
 * A service refused a call and said why, as RFC 9457 problem details with Japanese and English text; the page
 * shows the text in the reader's language.
 */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String detailJa;
    private final String detailEn;
    private final transient Object body;

    public ApiProblemException(int status, String type, String detailJa, String detailEn, Object body) {
        super(detailEn);
        this.status = status;
        this.type = type;
        this.detailJa = detailJa;
        this.detailEn = detailEn;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The problem's body as the service sent it (a CSV upload's rows, say). */
    public Object body() {
        return body;
    }

    public String detail(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && detailEn != null ? detailEn : detailJa;
    }
}
