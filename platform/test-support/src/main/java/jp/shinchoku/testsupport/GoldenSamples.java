package jp.shinchoku.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import jp.shinchoku.contracts.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSON sample of each event contract (in the contracts module), for contract tests on both
 * sides: a producer checks that it writes the sample, a consumer that it reads it.
 */
public final class GoldenSamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Numbers compare by value, so {@code 20}, {@code 20.0} and {@code 2E+1} are the same. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private GoldenSamples() {
    }

    public static String json(EventType<?> type) {
        try (InputStream in = EventType.class.getResourceAsStream(type.sampleResource())) {
            if (in == null) {
                throw new IllegalStateException("no golden sample " + type.sampleResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(EventType<?> type) {
        return json(type).getBytes(StandardCharsets.UTF_8);
    }

    /** Asserts that {@code actualJson} is the golden sample of {@code type}, field for field. */
    public static void assertMatches(EventType<?> type, String actualJson) {
        JsonNode expected = JSON.readTree(json(type));
        JsonNode actual = JSON.readTree(actualJson);
        assertThat(actual.equals(BY_VALUE, expected))
                .as("%s written as%n%s%nbut the golden sample is%n%s", type, actual.toPrettyString(), expected.toPrettyString())
                .isTrue();
    }
}
