package jp.shinchoku.notification.delivery.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.LabelMatcher;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.alerts.Receiver;
import jp.shinchoku.notification.delivery.Channel;
import jp.shinchoku.notification.delivery.Deliverer;
import jp.shinchoku.notification.delivery.Delivery;
import jp.shinchoku.notification.delivery.DepartmentContacts;
import jp.shinchoku.notification.delivery.Dispatcher;
import jp.shinchoku.notification.delivery.Endpoint;
import jp.shinchoku.notification.delivery.GroupSettings;
import jp.shinchoku.notification.delivery.InhibitRule;
import jp.shinchoku.notification.delivery.NotificationGroupRepository;
import jp.shinchoku.notification.delivery.NotificationLog;
import jp.shinchoku.notification.delivery.ReceiverDirectory;
import jp.shinchoku.notification.delivery.SilenceRepository;
import jp.shinchoku.notification.delivery.messaging.MailChannel;
import jp.shinchoku.notification.delivery.messaging.WebhookChannel;
import jp.shinchoku.platform.schedule.ExclusiveRun;
import jp.shinchoku.platform.tracing.Traces;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telling receivers: grouping, inhibition and silences (the {@link Dispatcher}), then delivery over the inbox, email
 * and webhooks with retries (the {@link Deliverer}); both run every {@code shinchoku.notification.delivery.interval}
 * (a minute by default) under a ShedLock lock, so one instance at a time tells.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryConfiguration.DeliveryProperties.class)
public class DeliveryConfiguration {

    static final String LOCK = "notification-dispatch";
    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    /**
     * @param links          the services' addresses, for the links in messages (one gateway address for all, in
     *                       production), and the web portal's: where it is set, messages link to its pages
     * @param grouping       how each receiver's alerts are grouped and how often they are told
     * @param inhibitRules   which firing alerts mute which (default: an overdue milestone mutes its due-soon alert)
     * @param receivers      each receiver's email addresses and webhooks ({@code promotion-hq}, {@code cio},
     *                       {@code department:<code>}); a department's registered contact is added
     * @param delivery       attempts and backoff
     * @param webhook        the hosts webhooks may call and the time allowed
     * @param mailFrom       the sender of emails
     * @param municipalities a municipality's own grouping, inhibition and receivers
     */
    @ConfigurationProperties("shinchoku.notification")
    public record DeliveryProperties(@DefaultValue LinkProperties links,
            @DefaultValue Grouping grouping, List<InhibitProperties> inhibitRules, Map<String, ReceiverProperties> receivers,
            @DefaultValue DeliveryAttempts delivery, @DefaultValue WebhookProperties webhook,
            @DefaultValue("shinchoku@localhost") String mailFrom, Map<String, MunicipalDelivery> municipalities) {

        public record LinkProperties(@DefaultValue("http://localhost:8081") String plan,
                @DefaultValue("http://localhost:8082") String measurement,
                @DefaultValue("http://localhost:8083") String notification, String portal) {
        }

        public record Grouping(@DefaultValue("municipality") List<String> groupBy, @DefaultValue("PT5M") Duration groupWait,
                @DefaultValue("PT1H") Duration groupInterval, @DefaultValue("P7D") Duration repeatInterval) {
        }

        public record InhibitProperties(List<String> source, List<String> target, List<String> equal) {
            InhibitRule rule() {
                return new InhibitRule(matchers(source), matchers(target), equal == null ? List.of() : equal);
            }

            private static List<LabelMatcher> matchers(List<String> texts) {
                return texts == null ? List.of() : texts.stream().map(LabelMatcher::parse).toList();
            }
        }

        public record ReceiverProperties(List<String> email, List<WebhookTarget> webhooks) {
        }

        public record WebhookTarget(String url, String secret) {
        }

        public record DeliveryAttempts(@DefaultValue("5") int maxAttempts, @DefaultValue("PT1M") Duration initialBackoff,
                @DefaultValue("PT1M") Duration interval) {
        }

        public record WebhookProperties(List<String> allowedHosts, @DefaultValue("PT10S") Duration timeout) {
        }

        public record MunicipalDelivery(Grouping grouping, List<InhibitProperties> inhibitRules,
                Map<String, ReceiverProperties> receivers) {
        }

        GroupSettings.Policy policy() {
            List<InhibitRule> inhibit = inhibitRules == null ? InhibitRule.DEFAULTS
                    : inhibitRules.stream().map(InhibitProperties::rule).toList();
            GroupSettings defaults = settings(grouping, inhibit);
            Map<String, GroupSettings> own = new HashMap<>();
            if (municipalities != null) {
                municipalities.forEach((code, m) -> own.put(code, settings(m.grouping() == null ? grouping : m.grouping(),
                        m.inhibitRules() == null ? inhibit : m.inhibitRules().stream().map(InhibitProperties::rule).toList())));
            }
            return new GroupSettings.Policy(defaults, own);
        }

        private static GroupSettings settings(Grouping g, List<InhibitRule> inhibit) {
            return new GroupSettings(g.groupBy(), g.groupWait(), g.groupInterval(), g.repeatInterval(), inhibit);
        }

        /** Every configured webhook with its secret, to sign with. */
        Map<String, String> webhookSecrets() {
            Map<String, String> secrets = new HashMap<>();
            List<Map<String, ReceiverProperties>> all = new ArrayList<>();
            if (receivers != null) {
                all.add(receivers);
            }
            if (municipalities != null) {
                municipalities.values().stream().filter(m -> m.receivers() != null).forEach(m -> all.add(m.receivers()));
            }
            all.forEach(map -> map.values().stream().filter(r -> r.webhooks() != null)
                    .forEach(r -> r.webhooks().forEach(w -> secrets.put(w.url(), w.secret()))));
            return secrets;
        }
    }

    /**
     * Where receivers are told besides their inbox. Without an SMTP server ({@code spring.mail.host}) no email is
     * attempted: the inbox and webhooks still are.
     */
    @Bean
    ReceiverDirectory receiverDirectory(DeliveryProperties properties, DepartmentContacts contacts,
            ObjectProvider<JavaMailSender> mail) {
        boolean mailEnabled = mail.getIfAvailable() != null;
        if (!mailEnabled) {
            log.info("email notifications are off: no SMTP server is configured (spring.mail.host)");
        }
        ReceiverDirectory all = (municipality, receiver) -> {
            List<Endpoint> endpoints = new ArrayList<>();
            DeliveryProperties.ReceiverProperties own = null;
            if (municipality != null && properties.municipalities() != null
                    && properties.municipalities().containsKey(municipality)
                    && properties.municipalities().get(municipality).receivers() != null) {
                own = properties.municipalities().get(municipality).receivers().get(receiver);
            }
            if (own == null && properties.receivers() != null) {
                own = properties.receivers().get(receiver);
            }
            if (own != null) {
                if (own.email() != null) {
                    own.email().forEach(address -> endpoints.add(new Endpoint(Endpoint.EMAIL, address)));
                }
                if (own.webhooks() != null) {
                    own.webhooks().forEach(w -> endpoints.add(new Endpoint(Endpoint.WEBHOOK, w.url())));
                }
            }
            String department = Receiver.departmentCode(receiver);
            if (department != null) {
                contacts.contact(municipality == null || municipality.isBlank() ? null : municipality, department)
                        .filter(address -> endpoints.stream().noneMatch(e -> address.equals(e.target())))
                        .ifPresent(address -> endpoints.add(new Endpoint(Endpoint.EMAIL, address)));
            }
            return endpoints;
        };
        return mailEnabled ? all : (municipality, receiver) -> all.endpoints(municipality, receiver).stream()
                .filter(endpoint -> !Endpoint.EMAIL.equals(endpoint.channel())).toList();
    }

    @Bean
    Links links(DeliveryProperties properties) {
        return new Links(properties.links().plan(), properties.links().measurement(), properties.links().notification(),
                properties.links().portal());
    }

    @Bean
    MailChannel mailChannel(ObjectProvider<JavaMailSender> sender, DeliveryProperties properties) {
        return new MailChannel(sender.getIfAvailable(), properties.mailFrom(), links(properties));
    }

    /** Refuses to start with a webhook whose host is not on the allow-list or that has no secret. */
    @Bean
    public WebhookChannel webhookChannel(JsonMapper json, DeliveryProperties properties, Clock clock) {
        List<String> allowed = properties.webhook().allowedHosts() == null ? List.of() : properties.webhook().allowedHosts();
        WebhookChannel channel = new WebhookChannel(json, allowed, properties.webhookSecrets(), links(properties),
                properties.webhook().timeout(), clock);
        properties.webhookSecrets().forEach((url, secret) -> {
            if (!channel.allowed(url)) {
                throw new IllegalStateException("webhook " + url + " is not on shinchoku.notification.webhook.allowed-hosts "
                        + allowed + " (Webhook の送信先ホストが許可リストにありません)");
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalStateException("webhook " + url + " has no secret to sign with (署名用の secret が未設定です)");
            }
        });
        return channel;
    }

    @Bean
    Dispatcher dispatcher(AlertService alerts, NotificationGroupRepository groups, SilenceRepository silences,
            NotificationLog notificationLog, ReceiverDirectory directory, DeliveryProperties properties, Clock clock) {
        return new Dispatcher(alerts, groups, silences, notificationLog, directory, properties.policy(), clock);
    }

    @Bean
    Deliverer deliverer(NotificationLog notificationLog, List<Channel> channels, DeliveryProperties properties,
            Clock clock) {
        return new Deliverer(notificationLog, channels, properties.delivery().maxAttempts(),
                properties.delivery().initialBackoff(), clock);
    }

    @Bean
    Telling telling(LockProvider locks, Dispatcher dispatcher, Deliverer deliverer, MeterRegistry meters,
            Traces traces) {
        return new Telling(new ExclusiveRun(locks, LOCK, Duration.ofMinutes(10), meters, "shinchoku.alerts.dispatch",
                "Rounds of grouping alerts into messages and delivering them", traces), dispatcher, deliverer, meters);
    }

    /** One round of telling: the dispatcher's flush, then the deliveries due; under the lock. */
    public static class Telling {

        private final ExclusiveRun exclusive;
        private final Dispatcher dispatcher;
        private final Deliverer deliverer;
        private final MeterRegistry meters;

        Telling(ExclusiveRun exclusive, Dispatcher dispatcher, Deliverer deliverer, MeterRegistry meters) {
            this.exclusive = exclusive;
            this.dispatcher = dispatcher;
            this.deliverer = deliverer;
            this.meters = meters;
            for (String channel : java.util.List.of(Endpoint.EMAIL, Endpoint.WEBHOOK)) {
                for (String outcome : java.util.List.of("delivered", "failed", "dead_lettered")) {
                    Counter.builder("shinchoku.notifications").description("Delivery attempts by channel and outcome")
                            .tag("channel", channel).tag("outcome", outcome).register(meters);
                }
            }
        }

        /** @return what was delivered, or null when another instance held the lock */
        public Deliverer.Outcome run() {
            return exclusive.run(() -> {
                    Dispatcher.Outcome flushed = dispatcher.flush();
                    Deliverer.Outcome delivered = deliverer.deliverDue();
                    Counter.builder("shinchoku.alerts.notifications").description("Messages to receivers")
                            .register(meters).increment(flushed.notified());
                    for (Delivery attempt : delivered.attempts()) {
                        String outcome = switch (attempt.status()) {
                            case DELIVERED -> "delivered";
                            case PENDING -> "failed"; // to be tried again
                            case DEAD_LETTERED -> "dead_lettered";
                        };
                        Counter.builder("shinchoku.notifications").description("Delivery attempts by channel and outcome")
                                .tag("channel", attempt.channel()).tag("outcome", outcome).register(meters).increment();
                    }
                    if (flushed.notified() > 0 || delivered.deadLettered() > 0 || delivered.retrying() > 0) {
                        log.info("notifications: {}; deliveries: {}", flushed, delivered);
                    }
                    return delivered;
            }).orElse(null);
        }

        @Scheduled(fixedDelayString = "${shinchoku.notification.delivery.interval:PT1M}",
                initialDelayString = "${shinchoku.notification.delivery.interval:PT1M}")
        void scheduled() {
            run();
        }
    }
}
