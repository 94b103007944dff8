package jp.shinchoku.measurement.measurements.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.shinchoku.measurement.measurements.MeasurementRejectedException;
import jp.shinchoku.measurement.measurements.Reporter;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * A report on the ingress topic carries its system's token in the {@code Authorization} header ({@code Bearer …}),
 * checked as a REST call's is (signature, expiry, issuer): the system reports for its own department only. A report
 * without a valid token is rejected ({@code measurement.rejected.v1}, reason {@code UNAUTHENTICATED}). Verified tokens
 * are remembered until they expire, so a system's stream of reports costs one verification.
 */
@Component
class IngressTokens {

    static final String HEADER = "Authorization";
    private static final int REMEMBERED = 1_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > REMEMBERED;
        }
    };

    IngressTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    Reporter reporterOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        String value = header == null ? null : new String(header.value(), StandardCharsets.UTF_8).trim();
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated("unauthenticated.no-token");
        }
        Caller caller = Caller.of(verify(value.substring(7).trim()));
        String origin = "kafka:" + record.topic();
        if (caller.is(Role.ADMIN)) {
            return Reporter.administrator(caller.subject()).from(origin);
        }
        if (!caller.is(Role.SYSTEM) && !caller.is(Role.DEPARTMENT)) {
            throw unauthenticated("unauthenticated.not-a-reporter");
        }
        return Reporter.department(caller.subject(), caller.municipality(), caller.department()).from(origin);
    }

    private synchronized Jwt verify(String token) {
        Jwt known = verified.get(token);
        if (known != null && (known.getExpiresAt() == null || known.getExpiresAt().isAfter(clock.instant()))) {
            return known;
        }
        verified.remove(token);
        try {
            Jwt jwt = decoder.decode(token);
            verified.put(token, jwt);
            return jwt;
        } catch (JwtException e) {
            throw unauthenticated("unauthenticated.invalid-token", e.getMessage());
        }
    }

    private static MeasurementRejectedException unauthenticated(String key, Object... args) {
        return MeasurementRejectedException.of(MeasurementRejectedException.Reason.UNAUTHENTICATED, key, args);
    }
}
