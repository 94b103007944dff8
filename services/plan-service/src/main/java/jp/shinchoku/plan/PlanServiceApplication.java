package jp.shinchoku.plan;

import jp.shinchoku.platform.config.ShinchokuService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 計画サービス: the source of truth for what a municipality promised in its plans. */
@SpringBootApplication
@ShinchokuService("plan-service")
public class PlanServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
