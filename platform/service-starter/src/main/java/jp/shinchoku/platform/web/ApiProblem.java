package jp.shinchoku.platform.web;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The platform's problems: {@code problems.properties} and {@code problems_ja.properties} of this package. */
    static final String BUNDLE = "jp.shinchoku.platform.web.problems";

    /**
     * A problem whose texts come from the message bundles ({@code problems.properties}, {@code problems_ja}): its
     * title is {@code <type>.title}, its detail {@code <type>.detail} formatted with the arguments (a {@link Noun} is
     * put in each language too).
     */
    public static ApiProblem of(HttpStatus status, String type, Object... args) {
        return of(BUNDLE, status, type, args);
    }

    /**
     * A problem of a service, whose texts come from the service's own bundle ({@code bundle} is its base name, such
     * as {@code jp.shinchoku.plan.web.problems}: {@code problems.properties} in English, {@code problems_ja} in
     * Japanese): its title is {@code <type>.title}, its detail {@code <type>.detail} formatted with the arguments (a
     * {@link Noun} is a word of the platform's bundle).
     */
    public static ApiProblem of(String bundle, HttpStatus status, String type, Object... args) {
        return ofDetail(bundle, status, type, "detail", args);
    }

    /**
     * The same for a type with several details: the detail is {@code <type>.<detail>} of the service's bundle
     * ({@code invalid-silence.no-comment}), the title {@code <type>.title}.
     */
    public static ApiProblem ofDetail(String bundle, HttpStatus status, String type, String detail, Object... args) {
        String key = type + "." + detail;
        return new ApiProblem(status, type, text(bundle, Locale.JAPANESE, type + ".title"),
                text(bundle, Locale.ENGLISH, type + ".title"), format(bundle, Locale.JAPANESE, key, args),
                format(bundle, Locale.ENGLISH, key, args));
    }

    /**
     * One text of a bundle in one language, formatted with the arguments: a part of a problem composed of several
     * (why a parameter is refused: {@link DateParameters#invalid}).
     */
    public static String message(String bundle, Locale locale, String key, Object... args) {
        return format(bundle, locale, key, args);
    }

    /** A word of the bundles ({@code noun.<key>}), put in the language of the text it goes into. */
    public record Noun(String key) {
    }

    private static String text(String bundle, Locale locale, String key) {
        return ResourceBundle.getBundle(bundle, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    private static String format(String bundle, Locale locale, String key, Object... args) {
        Object[] localized = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            localized[i] = args[i] instanceof Noun noun ? text(BUNDLE, locale, "noun." + noun.key())
                    : String.valueOf(args[i]);
        }
        return new MessageFormat(text(bundle, locale, key), locale).format(localized);
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

    /** Writes the problem as the response, where no handler of Spring MVC is reached (filters, security). */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ProblemDetail detail = toProblemDetail();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        body.put("detail", detail.getDetail());
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    public static URI typeUri(String type) {
        return URI.create("urn:shinchoku:problem:" + type);
    }
}
