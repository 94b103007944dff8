package jp.shinchoku.measurement.measurements.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
 * are remembered until they expire, so a system's stream of reports costs one verification. Each check is timed
 * ({@code shinchoku.ingress.token.check}, by outcome: {@code remembered}, {@code verified}, {@code refused}), so the
 * benchmark's breakdown shows what the check costs a report.
 */
@Component
class IngressTokens {

    static final String HEADER = "Authorization";
    private static final int REMEMBERED = 1_000;

    static final String TIMER = "shinchoku.ingress.token.check";

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Timer remembered;
    private final Timer verifiedNow;
    private final Timer refused;
    private final Map<String, Jwt> verified = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > REMEMBERED;
        }
    };

    IngressTokens(JwtDecoder decoder, Clock clock, MeterRegistry meters) {
        this.decoder = decoder;
        this.clock = clock;
        this.remembered = timer(meters, "remembered");
        this.verifiedNow = timer(meters, "verified");
        this.refused = timer(meters, "refused");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder(TIMER).description("Checks of an ingress report's token: remembered, verified or refused")
                .tag("outcome", outcome).register(meters);
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
        long started = System.nanoTime();
        Jwt known = verified.get(token);
        if (known != null && (known.getExpiresAt() == null || known.getExpiresAt().isAfter(clock.instant()))) {
            remembered.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return known;
        }
        verified.remove(token);
        try {
            Jwt jwt = decoder.decode(token);
            verified.put(token, jwt);
            verifiedNow.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return jwt;
        } catch (JwtException e) {
            refused.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            throw unauthenticated("unauthenticated.invalid-token", e.getMessage());
        }
    }

    private static MeasurementRejectedException unauthenticated(String key, Object... args) {
        return MeasurementRejectedException.of(MeasurementRejectedException.Reason.UNAUTHENTICATED, key, args);
    }
}
