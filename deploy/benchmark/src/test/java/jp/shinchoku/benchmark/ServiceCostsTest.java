package jp.shinchoku.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A service's timers, read from its Prometheus text before and after a phase, told per report. */
class ServiceCostsTest {

    private static final String BEFORE = """
            # HELP mongodb_driver_commands_seconds Timer of mongodb commands
            mongodb_driver_commands_seconds_count{application="measurement-service",cluster_id="x",collection="measurements",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 10
            mongodb_driver_commands_seconds_sum{application="measurement-service",cluster_id="x",collection="measurements",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 0.5
            spring_kafka_listener_seconds_count{application="measurement-service",error="none",spring_kafka_listener_id="report-ingress-0"} 2
            spring_kafka_listener_seconds_sum{application="measurement-service",error="none",spring_kafka_listener_id="report-ingress-0"} 0.1
            http_server_requests_seconds_count{application="measurement-service",method="GET",uri="/actuator/metrics/{requiredMetricName}"} 7
            """;
    private static final String AFTER = """
            mongodb_driver_commands_seconds_count{application="measurement-service",cluster_id="x",collection="measurements",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 110
            mongodb_driver_commands_seconds_sum{application="measurement-service",cluster_id="x",collection="measurements",command="insert",server_address="127.0.0.1:1",status="SUCCESS"} 2.5
            mongodb_driver_commands_seconds_count{application="measurement-service",cluster_id="x",collection="kpi_progress",command="find",server_address="127.0.0.1:1",status="SUCCESS"} 300
            mongodb_driver_commands_seconds_sum{application="measurement-service",cluster_id="x",collection="kpi_progress",command="find",server_address="127.0.0.1:1",status="SUCCESS"} 1.0
            spring_kafka_listener_seconds_count{application="measurement-service",error="none",spring_kafka_listener_id="report-ingress-0"} 102
            spring_kafka_listener_seconds_sum{application="measurement-service",error="none",spring_kafka_listener_id="report-ingress-0"} 10.1
            shinchoku_outbox_delay_seconds_count{application="measurement-service"} 200
            shinchoku_outbox_delay_seconds_sum{application="measurement-service"} 40.0
            http_server_requests_seconds_count{application="measurement-service",method="GET",uri="/actuator/metrics/{requiredMetricName}"} 99
            """;

    @Test
    void whatMovedInAPhaseIsToldPerReport() {
        List<String> lines = ServiceCosts.perReport("measurement-service", ServiceCosts.parse(BEFORE),
                ServiceCosts.parse(AFTER), 100, 8);

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("store commands per report: find 3.00 insert 1.00");
        assertThat(lines.get(1)).contains("mean waits: outbox (written → published) 200 ms");
        assertThat(lines.get(2)).contains("100.00 ms", "1.000 calls", "listener report-ingress-0");
        assertThat(lines.get(3)).contains("20.00 ms", "1.000 calls", "store insert measurements");
        assertThat(lines.get(4)).contains("10.00 ms", "3.000 calls", "store find kpi_progress");
        assertThat(String.join("\n", lines)).doesNotContain("actuator");
    }
}
