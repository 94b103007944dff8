package jp.shinchoku.notification.delivery.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.shinchoku.notification.delivery.Delivery;
import jp.shinchoku.notification.delivery.DepartmentContacts;
import jp.shinchoku.notification.delivery.Notification;
import jp.shinchoku.notification.delivery.NotificationGroup;
import jp.shinchoku.notification.delivery.NotificationGroupRepository;
import jp.shinchoku.notification.delivery.NotificationLog;
import jp.shinchoku.notification.delivery.Silence;
import jp.shinchoku.notification.delivery.SilenceRepository;
import jp.shinchoku.notification.delivery.Delivered;
import jp.shinchoku.platform.outbox.Outbox;
import jp.shinchoku.platform.outbox.OutboxCollection;
import jp.shinchoku.platform.outbox.OutboxEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The notification log, the groups' state and the silences, in the notification service's own database. */
@Configuration(proxyBeanMethods = false)
class MongoDeliveryRepositories {

    static final String NOTIFICATIONS = "notifications";
    static final String DELIVERIES = "deliveries";
    static final String GROUPS = "notification_groups";
    static final String SILENCES = "silences";
    static final String CONTACTS = "department_contacts";

    @Bean
    OutboxCollection deliveryOutbox() {
        return new OutboxCollection(DELIVERIES);
    }

    @Bean
    NotificationLog notificationLog(MongoTemplate mongo, Outbox outbox) {
        mongo.indexOps(DELIVERIES).createIndex(new Index().on("delivery.status", Sort.Direction.ASC)
                .on("delivery.nextAttemptAt", Sort.Direction.ASC).named("status_next_attempt"));
        mongo.indexOps(NOTIFICATIONS).createIndex(new Index().on("notification.receiver", Sort.Direction.ASC)
                .on("notification.createdAt", Sort.Direction.DESC).named("receiver_created"));
        return new MongoNotificationLog(mongo, outbox);
    }

    @Bean
    NotificationGroupRepository notificationGroups(MongoTemplate mongo) {
        return new NotificationGroupRepository() {
            @Override
            public List<NotificationGroup> findAll() {
                return mongo.findAll(GroupDocument.class, GROUPS).stream().map(GroupDocument::group).toList();
            }

            @Override
            public void save(NotificationGroup group) {
                mongo.save(new GroupDocument(group.key(), group), GROUPS);
            }

            @Override
            public void delete(String key) {
                mongo.remove(Query.query(where("_id").is(key)), GROUPS);
            }
        };
    }

    @Bean
    SilenceRepository silences(MongoTemplate mongo) {
        return new SilenceRepository() {
            @Override
            public void save(Silence silence) {
                mongo.save(new SilenceDocument(silence.id(), silence), SILENCES);
            }

            @Override
            public Optional<Silence> find(String id) {
                return Optional.ofNullable(mongo.findById(id, SilenceDocument.class, SILENCES)).map(SilenceDocument::silence);
            }

            @Override
            public List<Silence> findAll() {
                return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "silence.createdAt")),
                        SilenceDocument.class, SILENCES).stream().map(SilenceDocument::silence).toList();
            }
        };
    }

    @Bean
    DepartmentContacts departmentContacts(MongoTemplate mongo) {
        return new DepartmentContacts() {
            @Override
            public void save(String municipality, String departmentCode, String contact, boolean active, int version) {
                String id = municipality + "/" + departmentCode;
                Query notNewer = Query.query(where("_id").is(id).and("version").lte(version));
                try {
                    mongo.upsert(notNewer, new Update().set("municipality", municipality)
                            .set("departmentCode", departmentCode).set("contact", contact).set("active", active)
                            .set("version", version), CONTACTS);
                } catch (org.springframework.dao.DuplicateKeyException newerKept) {
                    // a later version is kept
                }
            }

            @Override
            public Optional<String> contact(String municipality, String departmentCode) {
                Query query = Query.query(where("departmentCode").is(departmentCode).and("active").is(true));
                if (municipality != null && !municipality.isBlank()) {
                    query.addCriteria(where("municipality").is(municipality));
                }
                List<org.bson.Document> found = mongo.find(query, org.bson.Document.class, CONTACTS);
                return found.size() == 1 ? Optional.ofNullable(found.getFirst().getString("contact")) : Optional.empty();
            }
        };
    }

    record GroupDocument(@Id String id, NotificationGroup group) {
    }

    record SilenceDocument(@Id String id, Silence silence) {
    }

    record NotificationDocument(@Id String id, Notification notification) {
    }

    record DeliveryDocument(@Id String id, Delivery delivery, List<OutboxEntry> outbox) {
    }

    static final class MongoNotificationLog implements NotificationLog {

        private final MongoTemplate mongo;
        private final Outbox outbox;

        MongoNotificationLog(MongoTemplate mongo, Outbox outbox) {
            this.mongo = mongo;
            this.outbox = outbox;
        }

        /** The message first, then its deliveries, each with its event when already done (the inbox). */
        @Override
        public void record(Notification notification, List<Delivery> deliveries) {
            mongo.save(new NotificationDocument(notification.id(), notification), NOTIFICATIONS);
            for (Delivery delivery : deliveries) {
                mongo.save(new DeliveryDocument(delivery.id(), delivery, events(delivery, notification)), DELIVERIES);
            }
            outbox.written(DELIVERIES, deliveries.stream().map(Delivery::id).toList());
        }

        @Override
        public void update(Delivery delivery) {
            Update update = new Update().set("delivery", delivery);
            if (delivery.status() != Delivery.Status.PENDING) {
                notification(delivery.notificationId()).ifPresent(n -> update.push(OutboxEntry.FIELD,
                        outbox.entryFor(new Delivered(delivery, n))));
            }
            mongo.updateFirst(Query.query(where("_id").is(delivery.id())), update, DELIVERIES);
            outbox.written(DELIVERIES, delivery.id());
        }

        private List<OutboxEntry> events(Delivery delivery, Notification notification) {
            List<OutboxEntry> entries = new ArrayList<>();
            if (delivery.status() != Delivery.Status.PENDING) {
                entries.add(outbox.entryFor(new Delivered(delivery, notification)));
            }
            return entries;
        }

        @Override
        public List<Delivery> due(Instant now) {
            return mongo.find(Query.query(where("delivery.status").is(Delivery.Status.PENDING)
                    .and("delivery.nextAttemptAt").lte(now)), DeliveryDocument.class, DELIVERIES)
                    .stream().map(DeliveryDocument::delivery).toList();
        }

        @Override
        public Optional<Notification> notification(String id) {
            return Optional.ofNullable(mongo.findById(id, NotificationDocument.class, NOTIFICATIONS))
                    .map(NotificationDocument::notification);
        }

        @Override
        public Optional<Delivery> delivery(String id) {
            return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class, DELIVERIES))
                    .map(DeliveryDocument::delivery);
        }

        @Override
        public List<Notification> notifications(String receiver, Instant since, int limit) {
            Query query = new Query();
            if (receiver != null) {
                query.addCriteria(where("notification.receiver").is(receiver));
            }
            if (since != null) {
                query.addCriteria(where("notification.createdAt").gte(since));
            }
            // in batches: a long log read at once outgrows a store reply (48 MB)
            return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "notification.createdAt")).limit(limit)
                    .cursorBatchSize(500), NotificationDocument.class, NOTIFICATIONS).stream()
                    .map(NotificationDocument::notification).toList();
        }

        @Override
        public List<Delivery> deliveries(String notificationId) {
            return mongo.find(Query.query(where("delivery.notificationId").is(notificationId)), DeliveryDocument.class,
                    DELIVERIES).stream().map(DeliveryDocument::delivery).toList();
        }

        @Override
        public List<Delivery> deliveries(Delivery.Status status, int limit) {
            Query query = status == null ? new Query() : Query.query(where("delivery.status").is(status));
            return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "delivery.createdAt")).limit(limit),
                    DeliveryDocument.class, DELIVERIES).stream().map(DeliveryDocument::delivery).toList();
        }
    }
}
