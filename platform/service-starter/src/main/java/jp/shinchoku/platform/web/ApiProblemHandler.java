package jp.shinchoku.platform.web;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jp.shinchoku.platform.support.Throwables;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of every service's API as problem details, with Japanese and English text. */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final Duration retryAfter;

    /** @param retryAfter what a 503 asks the client to wait before sending the same request again */
    public ApiProblemHandler(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /**
     * The store is out of reach: nothing of the request is acknowledged. The client sends the same request again after
     * {@code Retry-After} (with the same {@code Idempotency-Key}, a report that was kept after all is answered as kept).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            MongoSocketException.class, MongoTimeoutException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        logger.warn("The store is out of reach: answered 503 (" + Throwables.rootMessage(e) + ")");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .body(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", retryAfter.toSeconds())
                        .toProblemDetail());
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem.toResponse();
    }

    /** Two changes of the same thing kept colliding: the client may try again. */
    @ExceptionHandler(ConcurrentModificationException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentModificationException e) {
        return ApiProblem.of(HttpStatus.CONFLICT, "concurrent-change").toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given = ex.getContentType() == null ? "?" : ex.getContentType().toString();
        ProblemDetail problem = ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", given,
                ex.getSupportedMediaTypes()).toProblemDetail();
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        ProblemDetail problem = ApiProblem.ofDetail(ApiProblem.BUNDLE, HttpStatus.BAD_REQUEST, "invalid-parameter",
                "unreadable", name, ex.getValue()).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage()),
                        "rejected", String.valueOf(error.getRejectedValue())))
                .toList();
        ProblemDetail problem = ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-request", errors.size())
                .with("errors", errors)
                .toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(RequestLimits.tooLarge(Math.max(ex.getMaxUploadSize(), 0)).toProblemDetail());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeFilter.TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem().toProblemDetail());
            }
        }
        ProblemDetail problem = ApiProblem.of(HttpStatus.BAD_REQUEST, "unreadable-request",
                Throwables.rootMessage(ex)).toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }
}
