package jp.shinchoku.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import jp.shinchoku.contracts.CloudEventHeaders;
import jp.shinchoku.contracts.EventType;
import jp.shinchoku.contracts.Events;
import jp.shinchoku.contracts.plan.KpiDefinedV1;
import jp.shinchoku.testsupport.GoldenSamples;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract reads its golden sample and writes it back unchanged, through the platform's one mapping. */
class GoldenSamplesTest {

    private final EventJson json = new EventJson();
    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(json);

    static Iterable<EventType<?>> eventTypes() {
        return Events.all();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void goldenSampleRoundTrips(EventType<?> type) {
        Object event = deserializer.deserialize(type.topic().name(), headers(type.id()), GoldenSamples.bytes(type));
        assertThat(event).isInstanceOf(type.payloadType());
        GoldenSamples.assertMatches(type, json.writeString(event));
    }

    /**
     * Written before {@code intermediateTargets}, {@code retired}, {@code accumulation} and the plan's cadence and
     * period were added to {@code kpi.defined.v1}.
     */
    @Test
    void anOlderProducersEventReadsWithTheFieldsAddedSinceEmpty() {
        String older = """
                {"kpiId":"k","planId":"p","name":"n","kind":"count","direction":"increase","revision":1}""";
        Object event = deserializer.deserialize("t", headers("kpi.defined.v1"), older.getBytes(StandardCharsets.UTF_8));
        assertThat(event).isInstanceOfSatisfying(KpiDefinedV1.class, kpi -> {
            assertThat(kpi.retired()).isFalse();
            assertThat(kpi.intermediateTargets()).isEmpty();
            assertThat(kpi.accumulation()).isEqualTo("cumulative");
            assertThat(kpi.reportingCadence()).isNull();
            assertThat(kpi.planPeriod()).isNull();
        });
    }

    @Test
    void aNewerProducerMayAddFields() {
        String withExtra = """
                {"kpiId":"k","planId":"p","name":"n","kind":"count","direction":"increase","revision":2,
                 "addedInALaterRelease":{"x":1}}""";
        Object event = deserializer.deserialize("t", headers("kpi.defined.v1"), withExtra.getBytes(StandardCharsets.UTF_8));
        assertThat(event).isInstanceOfSatisfying(KpiDefinedV1.class, kpi -> assertThat(kpi.revision()).isEqualTo(2));
    }

    @Test
    void anUnknownTypeIsSkippableNotPoison() {
        Object event = deserializer.deserialize("t", headers("plan.archived.v9"), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(event).isEqualTo(new UnknownEvent("plan.archived.v9"));
    }

    @Test
    void recordsThatDoNotFitTheirContractArePoison() {
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("kpi.defined.v1"), "not json".getBytes()))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> deserializer.deserialize("t", headers("kpi.defined.v1"), "{\"kpiId\":\"k\",\"revision\":1}".getBytes()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("planId");
        assertThatThrownBy(() -> deserializer.deserialize("t", new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("ce_type");
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, "e-1".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
