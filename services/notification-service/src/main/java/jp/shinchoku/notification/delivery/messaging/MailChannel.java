package jp.shinchoku.notification.delivery.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.shinchoku.notification.alerts.Links;
import jp.shinchoku.notification.delivery.Channel;
import jp.shinchoku.notification.delivery.Endpoint;
import jp.shinchoku.notification.delivery.Notification;
import jp.shinchoku.notification.delivery.NotificationText;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Email over SMTP (Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}), UTF-8 plain text. */
public class MailChannel implements Channel {

    private final JavaMailSender sender;
    private final String from;
    private final Links links;

    public MailChannel(JavaMailSender sender, String from, Links links) {
        this.sender = sender;
        this.from = from;
        this.links = links;
    }

    @Override
    public String name() {
        return Endpoint.EMAIL;
    }

    @Override
    public void send(Notification notification, String target) throws DeliveryFailure {
        if (sender == null) {
            throw new DeliveryFailure("no SMTP server is configured (spring.mail.host)", true, null);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(target);
            mail.setSubject(NotificationText.subject(notification));
            mail.setText(NotificationText.body(notification, links));
            message.setHeader("X-Shinchoku-Notification", notification.id());
            sender.send(message);
        } catch (MessagingException | MailParseException e) {
            throw new DeliveryFailure("not a valid message or address: " + e.getMessage(), true, e);
        } catch (MailAuthenticationException e) {
            throw new DeliveryFailure("the SMTP server refused the credentials: " + e.getMessage(), false, e);
        } catch (MailException e) {
            throw new DeliveryFailure("the SMTP server did not accept the message: " + e.getMessage(), false, e);
        }
    }
}
