package jp.shinchoku.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event contracts, used by every producer and consumer. Unknown properties are
 * ignored, so a consumer keeps reading a contract to which a newer producer added fields (within a version
 * fields are only added); dates are ISO-8601 strings; decimals are written as plain numbers.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public byte[] write(Object payload) {
        return mapper.writeValueAsBytes(payload);
    }

    public String writeString(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    /**
     * @throws InvalidEventException when the bytes are not JSON of that contract
     */
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public JsonNode tree(String json) {
        return mapper.readTree(json);
    }

    public JsonNode tree(Object payload) {
        return mapper.valueToTree(payload);
    }
}
