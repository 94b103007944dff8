package jp.shinchoku.platform.config;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import jp.shinchoku.platform.audit.AuditController;
import jp.shinchoku.platform.audit.AuditSource;
import jp.shinchoku.platform.audit.AuditTrail;
import jp.shinchoku.platform.events.EventJson;
import jp.shinchoku.platform.inbox.ProcessedEvents;
import jp.shinchoku.platform.kafka.ShinchokuKafkaAutoConfiguration;
import jp.shinchoku.platform.outbox.EventContracts;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxProperties;
import jp.shinchoku.platform.outbox.OutboxRelay;
import jp.shinchoku.platform.time.ShinchokuClockAutoConfiguration;
import jp.shinchoku.platform.tracing.Traces;
import jp.shinchoku.platform.tracing.TracingInterceptors;
import jp.shinchoku.platform.store.StoreProperties;
import jp.shinchoku.platform.web.ApiProblemHandler;
import jp.shinchoku.platform.web.RequestLimits;
import jp.shinchoku.platform.web.RequestSizeFilter;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox, the record of handled events and the API's problem details, for every service. */
@AutoConfiguration(after = {ShinchokuKafkaAutoConfiguration.class, ShinchokuClockAutoConfiguration.class},
        afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, RequestLimits.class, StoreProperties.class})
public class ShinchokuServiceAutoConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, ObjectProvider<OutboxCollection> collections,
            OutboxProperties properties, Clock clock, MeterRegistry meters, Traces traces) {
        List<OutboxCollection> declared = collections.orderedStream().toList();
        return new OutboxRelay(mongo, (KafkaTemplate<String, Object>) kafka, declared, properties, clock, meters, traces);
    }

    @Bean
    Outbox outbox(EventJson json, Clock clock, OutboxRelay relay, @Value("${spring.application.name}") String name,
            ObjectProvider<EventContracts> contracts, Traces traces) {
        return new Outbox(json, clock, "/shinchoku/" + name, relay, contracts.getIfUnique(), traces);
    }

    /** The trace context of the work a service does (Micrometer Tracing; none where tracing is off). */
    @Bean
    Traces traces(ObjectProvider<Tracer> tracer) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** A response names its request's span; it runs inside the server's observation, which continues the caller's. */
    @Bean
    FilterRegistrationBean<TracingInterceptors.Responses> traceResponses(Traces traces) {
        FilterRegistrationBean<TracingInterceptors.Responses> registration =
                new FilterRegistrationBean<>(new TracingInterceptors.Responses(traces));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    TracingInterceptors.Batches traceBatches(Traces traces) {
        return new TracingInterceptors.Batches(traces);
    }

    /** The locks that keep scheduled work to one instance at a time ({@code shedLock} collection). */
    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock,
            @Value("${shinchoku.inbox.retention:P30D}") java.time.Duration retention, MeterRegistry meters) {
        io.micrometer.core.instrument.Gauge.builder("shinchoku.processed.events",
                        () -> mongo.getCollection(ProcessedEvents.COLLECTION).estimatedDocumentCount())
                .description("Records of handled events kept (they expire after shinchoku.inbox.retention)")
                .register(meters);
        return new ProcessedEvents(mongo, clock, retention);
    }

    @Bean
    ApiProblemHandler apiProblemHandler(StoreProperties store) {
        return new ApiProblemHandler(store.retryAfter());
    }

    /** Who did what, when and from where, with before and after: this service's append-only trail. */
    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock, @Value("${spring.application.name}") String service,
            ObjectProvider<AuditSource> sources) {
        return new AuditTrail(mongo, clock, service, sources.orderedStream().toList());
    }

    @Bean
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }

    /** Request bodies held to {@link RequestLimits}, before anything reads them. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
