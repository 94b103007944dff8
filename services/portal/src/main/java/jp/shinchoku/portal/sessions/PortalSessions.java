package jp.shinchoku.portal.sessions;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Where {@code shinchoku.portal.session-store} names a MongoDB database ({@code mongodb://host/shinchoku-portal};
 * {@code PORTAL_SESSION_STORE}), sessions are kept there ({@link StoredSessions}) and every replica of the portal
 * knows who is signed in; without it each instance keeps its own in memory (one replica). The cookie keeps its name,
 * is HTTP-only, {@code SameSite=Lax}, and secure where the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${shinchoku.portal.session-store:}'.isBlank()")
@EnableSpringHttpSession
public class PortalSessions {

    /** The collection of the sessions in the database the setting names. */
    static final String COLLECTION = "portal_sessions";

    @Bean(destroyMethod = "close")
    MongoClient portalSessionStore(@Value("${shinchoku.portal.session-store}") String uri) {
        return MongoClients.create(uri);
    }

    @Bean
    SessionRepository<MapSession> sessionRepository(MongoClient client,
            @Value("${shinchoku.portal.session-store}") String uri,
            @Value("${server.servlet.session.timeout:8h}") Duration timeout) {
        String database = new ConnectionString(uri).getDatabase();
        return new StoredSessions(client.getDatabase(database == null ? "shinchoku-portal" : database)
                .getCollection(COLLECTION), timeout, Clock.systemUTC());
    }

    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.name:SHINCHOKU_PORTAL}") String name) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setSameSite("Lax");
        cookie.setUseHttpOnlyCookie(true);
        return cookie;
    }
}
