package jp.shinchoku.measurement.progress;

public class ConcurrentProgressUpdateException extends RuntimeException {

    public ConcurrentProgressUpdateException(String kpiId) {
        super("the progress of " + kpiId + " changed meanwhile");
    }
}
