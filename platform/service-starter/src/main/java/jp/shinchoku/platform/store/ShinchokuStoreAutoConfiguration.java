package jp.shinchoku.platform.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Timeouts for the store that the connection string leaves open ({@link StoreProperties}). */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(MongoClientSettingsBuilderCustomizer.class)
@EnableConfigurationProperties(StoreProperties.class)
public class ShinchokuStoreAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeouts(StoreProperties store,
            @Value("${spring.mongodb.uri:mongodb://127.0.0.1:27017}") String uri) {
        ConnectionString given = new ConnectionString(uri);
        return settings -> {
            if (given.getServerSelectionTimeout() == null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        store.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
            settings.applyToSocketSettings(socket -> {
                if (given.getConnectTimeout() == null) {
                    socket.connectTimeout((int) store.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                if (given.getSocketTimeout() == null) {
                    socket.readTimeout((int) store.socketTimeout().toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        };
    }
}
