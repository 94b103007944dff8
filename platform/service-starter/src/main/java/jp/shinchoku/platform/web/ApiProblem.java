package jp.shinchoku.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An error the API reports as RFC 9457 problem details: a stable type, a title and detail in Japanese
 * (what users read) and the same in English under {@code en}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String titleJa;
    private final String titleEn;
    private final String detailJa;
    private final String detailEn;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String titleJa, String titleEn, String detailJa, String detailEn) {
        super(detailEn);
        this.status = status;
        this.type = type;
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.detailJa = detailJa;
        this.detailEn = detailEn;
    }

    public ApiProblem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailJa);
        problem.setType(typeUri(type));
        problem.setTitle(titleJa);
        problem.setProperty("en", Map.of("title", titleEn, "detail", detailEn));
        properties.forEach(problem::setProperty);
        return problem;
    }

    public ResponseEntity<ProblemDetail> toResponse() {
        return ResponseEntity.status(status).body(toProblemDetail());
    }

    public static URI typeUri(String type) {
        return URI.create("urn:shinchoku:problem:" + type);
    }
}
