package jp.shinchoku.measurement;

import jp.shinchoku.platform.config.ShinchokuService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** 評価指標測定サービス: departments report measured values; it keeps each KPI's progress. */
@SpringBootApplication
@ShinchokuService("measurement-service")
public class MeasurementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasurementServiceApplication.class, args);
    }
}
