package jp.shinchoku.platform.web;

import jp.shinchoku.platform.support.Throwables;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of every service's API as problem details, with Japanese and English text. */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return problem.toResponse();
    }

    /** Two changes of the same thing kept colliding: the client may try again. */
    @ExceptionHandler(ConcurrentModificationException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrentModificationException e) {
        return new ApiProblem(HttpStatus.CONFLICT, "concurrent-change", "同時に変更されました",
                "Changed concurrently", "他の変更と重なったため保存できませんでした。もう一度お試しください",
                "Another change came in between; try again").toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String given = ex.getContentType() == null ? "?" : ex.getContentType().toString();
        ProblemDetail problem = new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "対応していない形式です", "Unsupported media type",
                "Content-Type「" + given + "」には対応していません（対応: " + ex.getSupportedMediaTypes() + "）",
                "Content-Type '" + given + "' is not supported (supported: " + ex.getSupportedMediaTypes() + ")")
                .toProblemDetail();
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
        ProblemDetail problem = new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "パラメータの値が正しくありません", "Invalid parameter",
                "「" + name + "」の値「" + ex.getValue() + "」を読み取れません",
                "The value '" + ex.getValue() + "' of '" + name + "' cannot be read")
                .toProblemDetail();
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
        ProblemDetail problem = new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                "入力内容に誤りがあります", "The request is invalid",
                "項目の値を確認してください（" + errors.size() + " 件）",
                "Check the fields' values (" + errors.size() + " errors)")
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
        ProblemDetail problem = new ApiProblem(HttpStatus.BAD_REQUEST, "unreadable-request",
                "リクエストを読み取れません", "The request cannot be read",
                "JSON の形式または値の型が正しくありません: " + Throwables.rootMessage(ex),
                "The JSON is malformed or a value has the wrong type: " + Throwables.rootMessage(ex))
                .toProblemDetail();
        return ResponseEntity.badRequest().body(problem);
    }
}
