package jp.shinchoku.portal.sessions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The portal's sessions in the store, one document each, so that every replica knows who is signed in (their tokens,
 * the sign-in under way, the form's CSRF token, a message for the next page): the attributes serialized as Spring
 * Security keeps them, the document dropped by a TTL index once the session has been idle past its timeout.
 */
final class StoredSessions implements SessionRepository<MapSession> {

    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);
    /** What a stored session may hold: the JDK's, Spring's and the token library's types, nothing else. */
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "java.**;javax.**;org.springframework.**;com.nimbusds.**;net.minidev.**;jp.shinchoku.**;!*");

    private final MongoCollection<Document> sessions;
    private final Duration timeout;
    private final Clock clock;

    StoredSessions(MongoCollection<Document> sessions, Duration timeout, Clock clock) {
        this.sessions = sessions;
        this.timeout = timeout;
        this.clock = clock;
        sessions.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setCreationTime(clock.instant());
        session.setLastAccessedTime(clock.instant());
        session.setMaxInactiveInterval(timeout);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // a new id on signing in (session fixation): the old document goes
            sessions.deleteOne(Filters.eq("_id", session.getOriginalId()));
        }
        Map<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        Instant expireAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        sessions.replaceOne(Filters.eq("_id", session.getId()), new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expireAt", Date.from(expireAt))
                .append("attributes", new Binary(serialize(attributes))), new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document stored = sessions.find(Filters.eq("_id", id)).first();
        if (stored == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(stored.getDate("createdAt").toInstant());
        session.setLastAccessedTime(stored.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) stored.get("maxInactiveSeconds")).longValue()));
        if (!session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isAfter(clock.instant())) {
            deleteById(id);
            return null;
        }
        Map<String, Object> attributes;
        try {
            attributes = deserialize(stored.get("attributes", Binary.class).getData());
        } catch (RuntimeException unreadable) {
            // written by another version, say: the person signs in again
            log.warn("A stored session could not be read and is dropped: {}", unreadable.toString());
            deleteById(id);
            return null;
        }
        attributes.forEach(session::setAttribute);
        return session;
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(Filters.eq("_id", id));
    }

    private static byte[] serialize(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
