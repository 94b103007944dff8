package jp.shinchoku.measurement.measurements.web;

import java.io.IOException;
import java.io.InputStream;

import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the JSON Schema of what departments' systems send on the Kafka ingress topic. */
@RestController
class SchemaController {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    private static final String FOLDER = "/jp/shinchoku/contracts/schemas/";

    @GetMapping("/api/schemas/{type:measurement\\.reported\\.v1}")
    ResponseEntity<byte[]> schema(@PathVariable String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FOLDER + type + ".schema.json")) {
            if (in == null) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "schema-not-found", "スキーマが見つかりません",
                        "Schema not found", "「" + type + "」のスキーマはありません", "there is no schema " + type);
            }
            return ResponseEntity.ok().contentType(SCHEMA_JSON).body(in.readAllBytes());
        }
    }
}
