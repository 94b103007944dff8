package jp.shinchoku.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.shinchoku.notification.delivery.config.DeliveryConfiguration;
import jp.shinchoku.notification.delivery.messaging.WebhookChannel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Only hosts on the allow-list are called, and a webhook without a secret is not. */
class WebhookChannelTest {

    final WebhookChannel channel = new WebhookChannel(JsonMapper.builder().build(), List.of("hooks.city.example.lg.jp"),
            Map.of("https://hooks.city.example.lg.jp/shinchoku", "s3cret", "https://evil.example.com/x", "s3cret"),
            jp.shinchoku.notification.alerts.Links.LOCAL, Duration.ofSeconds(2), Clock.systemUTC());

    final Notification notification = new Notification("ntf-1", "promotion-hq", "promotion-hq{}", Map.of(),
            Notification.Reason.FIRST, List.of(), Instant.parse("2025-03-03T00:05:00Z"));

    @Test
    void onlyHostsOnTheAllowListMayBeCalled() {
        assertThat(channel.allowed("https://hooks.city.example.lg.jp/shinchoku")).isTrue();
        assertThat(channel.allowed("https://HOOKS.city.example.lg.jp/other")).isTrue();
        assertThat(channel.allowed("https://hooks.city.example.lg.jp.evil.example.com/")).isFalse();
        assertThat(channel.allowed("file:///etc/passwd")).isFalse();
        assertThat(channel.allowed("not a url")).isFalse();

        assertThatThrownBy(() -> channel.send(notification, "https://evil.example.com/x"))
                .isInstanceOfSatisfying(Channel.DeliveryFailure.class, f -> {
                    assertThat(f.permanent()).as("trying again cannot help").isTrue();
                    assertThat(f.getMessage()).contains("allow-list");
                });
    }

    @Test
    void theSignatureIsTheHmacSha256OfTimestampAndBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookChannel.sign("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aServiceConfiguredWithAWebhookOffTheAllowListRefusesToStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(Beans.class)
                .withPropertyValues("shinchoku.notification.receivers.promotion-hq.webhooks[0].url=https://evil.example.com/x",
                        "shinchoku.notification.receivers.promotion-hq.webhooks[0].secret=s3cret",
                        "shinchoku.notification.webhook.allowed-hosts=hooks.city.example.lg.jp")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("is not on shinchoku.notification.webhook.allowed-hosts"));
    }

    @Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(DeliveryConfiguration.DeliveryProperties.class)
    static class Beans {
        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        WebhookChannel webhook(JsonMapper json, DeliveryConfiguration.DeliveryProperties properties, Clock clock) {
            return new DeliveryConfiguration().webhookChannel(json, properties, clock);
        }
    }
}
