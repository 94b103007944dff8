package jp.shinchoku.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventsTest {

    static Iterable<EventType<?>> eventTypes() {
        return Events.all();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasAGoldenSampleNamingItsFields(EventType<?> type) throws IOException {
        try (InputStream sample = EventType.class.getResourceAsStream(type.sampleResource())) {
            assertThat(sample).as("golden sample %s", type.sampleResource()).isNotNull();
            String json = new String(sample.readAllBytes(), StandardCharsets.UTF_8);
            for (var component : type.payloadType().getRecordComponents()) {
                assertThat(json).as("%s mentions %s", type, component.getName())
                        .contains("\"" + component.getName() + "\"");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void typeIdsAreLogicalAndVersioned(EventType<?> type) {
        assertThat(type.id()).matches("[a-z]+(\\.[a-z-]+)+\\.v[0-9]+");
        assertThat(type.id()).doesNotContain(type.payloadType().getSimpleName());
        assertThat(Events.byId(type.id())).contains(type);
        assertThat(Events.ofPayload(type.payloadType())).isSameAs(type);
        assertThat(Topics.all()).contains(type.topic());
    }

    @Test
    void typeIdsAndTopicNamesAreUnique() {
        assertThat(new HashSet<>(Events.all().stream().map(EventType::id).toList())).hasSize(Events.all().size());
        assertThat(Events.byId("plan.published.v0")).isEmpty();
        assertThat(Events.byId(null)).isEmpty();
        assertThatThrownBy(() -> Events.ofPayload(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKpiDefinitionWrittenBeforeItsTypeAndPublicationIsAPublicKpiOfNoStatedType() {
        var before = new jp.shinchoku.contracts.plan.KpiDefinedV1("pln-1.1-1.1", "pln-1", null, "1", "1-1", "施策", "somu",
                "申請件数", "件", "count", "increase", null, null, 1, null, null, null, null, null, null, null, null, null,
                null, null);
        assertThat(before.published()).isTrue();
        assertThat(before.indicatorType()).isNull();

        var unpublished = new jp.shinchoku.contracts.plan.KpiDefinedV1("pln-1.1-1.1", "pln-1", null, "1", "1-1", "施策",
                "somu", "申請件数", "件", "count", "increase", null, null, 2, null, null, null, null, null, null, null, null,
                null, null, null, "output", false);
        assertThat(unpublished.published()).isFalse();
        assertThat(unpublished.indicatorType()).isEqualTo("output");
    }

    @Test
    void aKpiDefinitionWrittenBeforeItsMeasureTitlesPublicationHasAPublicMeasureTitle() {
        var before = new jp.shinchoku.contracts.plan.KpiDefinedV1("pln-1.1-1.1", "pln-1", null, "1", "1-1", "施策", "somu",
                "申請件数", "件", "count", "increase", null, null, 1, null, null, null, null, null, null, null, null, null,
                null, null, "output", false);
        assertThat(before.measureTitlePublished()).isTrue();

        var hidden = new jp.shinchoku.contracts.plan.KpiDefinedV1("pln-1.1-1.1", "pln-1", null, "1", "1-1", "施策", "somu",
                "申請件数", "件", "count", "increase", null, null, 2, null, null, null, null, null, null, null, null, null,
                null, null, "output", true, false);
        assertThat(hidden.measureTitlePublished()).isFalse();
        assertThat(hidden.measureTitle()).as("the title still travels, for the staff's own views").isEqualTo("施策");
    }

    @Test
    void deadLetterTopicsFollowTheSourceTopic() {
        assertThat(Topics.KPI_PROGRESS.deadLetter()).isEqualTo("shinchoku.measurement.kpi-progress.DLT");
        assertThat(Topics.KPI_DEFINITIONS.compacted()).isTrue();
    }
}
