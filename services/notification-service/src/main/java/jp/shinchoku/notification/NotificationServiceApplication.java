package jp.shinchoku.notification;

import jp.shinchoku.platform.config.ShinchokuService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 通知サービス: alerts the promotion headquarters (推進本部) before deadlines slip. */
@SpringBootApplication
@ShinchokuService("notification-service")
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
