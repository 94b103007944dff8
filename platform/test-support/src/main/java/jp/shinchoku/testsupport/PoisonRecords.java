package jp.shinchoku.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes records straight to a topic, as a misbehaving producer would. */
public final class PoisonRecords {

    private PoisonRecords() {
    }

    /** A record announcing {@code type} with this raw value, sent by a trusted system (the administrator's token). */
    public static void send(String bootstrapServers, String topic, String key, String type, String value) {
        TestEvents.send(bootstrapServers, topic, key, type, UUID.randomUUID().toString(),
                value.getBytes(StandardCharsets.UTF_8), TestTokens.admin());
    }

    /** The same, sent inside the sender's trace (a W3C {@code traceparent} header). */
    public static void sendInTrace(String bootstrapServers, String topic, String key, String type, String value,
            String traceparent) {
        TestEvents.send(bootstrapServers, topic, key, type, UUID.randomUUID().toString(),
                value.getBytes(StandardCharsets.UTF_8), TestTokens.admin(), java.util.Map.of("traceparent", traceparent));
    }
}
