package jp.shinchoku.measurement.kpis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.shinchoku.measurement.kpis.Direction;
import jp.shinchoku.measurement.kpis.IndicatorType;
import jp.shinchoku.measurement.kpis.KpiCatalog;
import jp.shinchoku.measurement.kpis.KpiDefinition;
import jp.shinchoku.measurement.kpis.KpiKind;
import jp.shinchoku.testsupport.ShinchokuServiceTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A plan's KPIs are found by key, on any store: through the index of a plan's KPIs written with the definitions, and,
 * for KPIs kept before that index existed, through the index built when the service starts.
 */
@ShinchokuServiceTest
class MongoKpiCatalogTest {

    @Autowired
    KpiCatalog catalog;

    @Autowired
    MongoTemplate mongo;

    final String plan = "pln-" + UUID.randomUUID().toString().substring(0, 8);
    final String other = "pln-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPlansKpisAreItsOwnInIdOrderWhicheverWayTheyWereKept() {
        catalog.saveAll(List.of(kpi(plan + ".2-1.1", plan, 1), kpi(plan + ".1-1.1", plan, 1), kpi(other + ".1-1.1", other, 1)));
        catalog.save(kpi(plan + ".1-2.1", plan, 1));
        catalog.save(kpi(plan + ".1-1.1", plan, 2));

        assertThat(catalog.findByPlan(plan)).extracting(KpiDefinition::id)
                .containsExactly(plan + ".1-1.1", plan + ".1-2.1", plan + ".2-1.1");
        assertThat(catalog.findByPlan(plan).getFirst().revision()).isEqualTo(2);
        assertThat(catalog.findByPlan(other)).extracting(KpiDefinition::id).containsExactly(other + ".1-1.1");
        assertThat(catalog.findByPlan("pln-unknown")).isEmpty();
    }

    @Test
    void kpisKeptBeforeTheIndexExistedAreFoundOnceTheServiceStarts() {
        mongo.insert(List.of(kpi(plan + ".1-1.1", plan, 1), kpi(plan + ".3-1.1", plan, 1)), MongoKpiCatalog.COLLECTION);
        mongo.getCollection(MongoKpiCatalog.BY_PLAN).deleteMany(new Document());

        KpiCatalog started = new MongoKpiCatalog(mongo);

        assertThat(started.findByPlan(plan)).extracting(KpiDefinition::id)
                .containsExactly(plan + ".1-1.1", plan + ".3-1.1");
    }

    @Test
    void aKpisIndicatorTypeAndPublicationAreKeptAndOneKeptBeforeThemReadsAsPublic() {
        KpiDefinition base = kpi(plan + ".1-1.1", plan, 1);
        catalog.save(new KpiDefinition(base.id(), base.planId(), base.departmentCode(), base.name(), base.unit(),
                base.kind(), base.direction(), base.baselineValue(), base.baselineAsOf(), base.targetValue(), base.due(),
                base.revision(), false, base.municipalityCode(), List.of(), null, null, null, null, null, null, null, null,
                false, null, IndicatorType.OUTCOME, false));
        assertThat(catalog.find(base.id()).orElseThrow()).satisfies(kept -> {
            assertThat(kept.indicatorType()).isEqualTo(IndicatorType.OUTCOME);
            assertThat(kept.published()).isFalse();
        });

        catalog.save(kpi(plan + ".2-1.1", plan, 1));
        mongo.getCollection(MongoKpiCatalog.COLLECTION).updateOne(new Document("_id", plan + ".2-1.1"),
                new Document("$unset", new Document("published", "").append("indicatorType", "")));
        assertThat(catalog.find(plan + ".2-1.1").orElseThrow()).satisfies(older -> {
            assertThat(older.published()).isTrue();
            assertThat(older.indicatorType()).isNull();
        });
    }

    @Test
    void whetherAKpisMeasureTitleIsPublishedIsKeptAndOneKeptBeforeItReadsAsPublished() {
        KpiDefinition base = kpi(plan + ".1-1.1", plan, 1);
        catalog.save(new KpiDefinition(base.id(), base.planId(), base.departmentCode(), base.name(), base.unit(),
                base.kind(), base.direction(), base.baselineValue(), base.baselineAsOf(), base.targetValue(), base.due(),
                base.revision(), false, base.municipalityCode(), List.of(), null, null,
                new KpiDefinition.Placement("1", "行政手続のオンライン化", "1-1", "電子申請の拡充"), null, null, null, null, null,
                false, null, null, true, false));
        assertThat(catalog.find(base.id()).orElseThrow()).satisfies(kept -> {
            assertThat(kept.measureTitlePublished()).isFalse();
            assertThat(kept.placement().measureTitle()).isEqualTo("電子申請の拡充");
        });

        catalog.save(kpi(plan + ".2-1.1", plan, 1));
        mongo.getCollection(MongoKpiCatalog.COLLECTION).updateOne(new Document("_id", plan + ".2-1.1"),
                new Document("$unset", new Document("measureTitlePublished", "")));
        assertThat(catalog.find(plan + ".2-1.1").orElseThrow().measureTitlePublished()).isTrue();
    }

    private static KpiDefinition kpi(String id, String planId, int revision) {
        return new KpiDefinition(id, planId, "somu", "電子申請件数", "件", KpiKind.COUNT, Direction.INCREASE,
                BigDecimal.TEN, LocalDate.of(2021, 4, 1), BigDecimal.valueOf(100), LocalDate.of(2026, 3, 31), revision,
                false, "462233", List.of(), null, null);
    }
}
