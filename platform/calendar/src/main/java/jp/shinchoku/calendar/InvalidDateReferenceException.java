package jp.shinchoku.calendar;

/** A date a plan cannot mean: not a date format we read, or a day its era never had. */
public class InvalidDateReferenceException extends RuntimeException {

    private final String messageJa;

    public InvalidDateReferenceException(String messageJa, String messageEn) {
        super(messageEn);
        this.messageJa = messageJa;
    }

    public String messageJa() {
        return messageJa;
    }

    public String messageEn() {
        return getMessage();
    }
}
