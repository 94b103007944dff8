package jp.shinchoku.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * The benchmarks run small, as ops would run them on a test machine: every phase completes and prints its figures at
 * any size (at 300 governments the fixed-rate phase once sent one report and the run then died). Figures are printed,
 * never asserted: the test asserts only that each line is there.
 */
class SmallBenchmarkTest {

    @Test
    void phasesScaleWithTheKpisThereAre() {
        // the national size: as the README's table
        assertThat(PipelineBenchmark.phaseSizes(71_520, 15_000)).containsExactly(15_000, 15_000, 20_000, 1_000, 2_000);
        // 300 governments, 12,000 KPIs: the five phases asked 17,666 reports, each one fewer in proportion
        int[] sizes = PipelineBenchmark.phaseSizes(12_000, 5_000);
        assertThat(Arrays.stream(sizes).sum()).isLessThanOrEqualTo(12_000);
        assertThat(sizes[2]).isGreaterThan(sizes[0]);
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThan(100);
        // one government's 40 KPIs, asked for a few reports: each phase at least one
        assertThat(Arrays.stream(PipelineBenchmark.phaseSizes(40, 200)).min().orElseThrow()).isPositive();
        assertThat(Arrays.stream(PipelineBenchmark.phaseSizes(40, 200)).sum()).isLessThanOrEqualTo(40);
        assertThat(PipelineBenchmark.phaseSizes(5, 1)).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void thePipelineBenchmarkRunsSmall() throws Exception {
        String out = run("--only=pipeline", "--governments=3", "--reports=100", "--stored=1000");

        assertThat(out).contains("raw ceilings: Kafka", "services started", "imported 3 plans (120 KPIs",
                "stored measurements brought to 1,000", "== results", "count check: sent", "heap used");
        for (String phase : new String[] {"ingress, full rate, empty store", "ingress, full rate, 1,000 measurements stored",
                "ingress at 1,000 reports/s", "REST at 100 reports/s", "REST, full rate (16 in flight)"}) {
            assertThat(out).containsPattern("(?m)^" + java.util.regex.Pattern.quote(phase) + " +[0-9,]+ reports +[0-9,]+ reports/s");
        }
        // where a report's time goes, from each service's own timers
        assertThat(out).contains("where a report's time goes", "measurement-service   store commands per report:",
                "notification-service  store commands per report:", "listener ");
        assertThat(out).doesNotContain("MISSING");
        assertThat(out).contains("MET     count check: nothing lost, nothing duplicated");
    }

    /** Runs the benchmarks in this JVM, printing as they go and giving back what they printed. */
    private static String run(String... args) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeStream(console, printed), true, StandardCharsets.UTF_8));
        try {
            assertThat(Benchmarks.run(args)).isZero();
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
