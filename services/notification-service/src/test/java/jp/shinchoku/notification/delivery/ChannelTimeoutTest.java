package jp.shinchoku.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.delivery.messaging.MailChannel;
import jp.shinchoku.notification.delivery.messaging.WebhookChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mail server or webhook that accepts the connection and then never answers fails the delivery after the
 * configured timeout (to be tried again), instead of holding the dispatcher.
 */
class ChannelTimeoutTest {

    private final Notification notification = new Notification("ntf-timeout", "promotion-hq", "promotion-hq{}", Map.of(),
            Notification.Reason.FIRST, List.of(), Instant.parse("2025-03-03T00:05:00Z"));

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept()); // and say nothing
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    @Test
    void anSmtpServerThatNeverGreetsFailsTheDeliveryWithinTheServicesTimeout() {
        Properties mail = serviceMailProperties();
        assertThat(mail).containsKeys("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout");
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(silent.getLocalPort());
        sender.setJavaMailProperties(mail);
        MailChannel channel = new MailChannel(sender, "shinchoku@city.example.lg.jp", Links.LOCAL);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                () -> channel.send(notification, "hq@city.example.lg.jp"))
                .isInstanceOfSatisfying(Channel.DeliveryFailure.class,
                        failure -> assertThat(failure.permanent()).as("tried again later").isFalse()));
        assertThat(accepted).as("the channel did reach the server").isNotEmpty();
    }

    @Test
    void aWebhookThatNeverAnswersFailsTheDeliveryAfterItsTimeout() {
        WebhookChannel channel = new WebhookChannel(JsonMapper.builder().build(), List.of("127.0.0.1"),
                Map.of(url(), "s3cret"), Links.LOCAL, Duration.ofSeconds(1), Clock.systemUTC());

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> channel.send(notification, url()))
                .isInstanceOfSatisfying(Channel.DeliveryFailure.class,
                        failure -> assertThat(failure.permanent()).as("tried again later").isFalse()));
        assertThat(accepted).isNotEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + silent.getLocalPort() + "/hook";
    }

    /** {@code spring.mail.properties.*} as the service's own configuration sets them. */
    private static Properties serviceMailProperties() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("notification-service.yml"));
        Properties all = yaml.getObject();
        Properties mail = new Properties();
        String prefix = "spring.mail.properties";
        all.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.startsWith(prefix)) {
                mail.setProperty(name.substring(prefix.length()).replaceAll("^\\.|[\\[\\]]", ""), String.valueOf(value));
            }
        });
        return mail;
    }
}
