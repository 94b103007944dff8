package jp.shinchoku.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own tool checks the alert rules of deploy/observability/prometheus: they parse and evaluate
 * ({@code promtool check rules}), each fires where it should and stays quiet where it should
 * ({@code promtool test rules shinchoku.rules.test.yml}), and the compose configuration that loads them is valid
 * ({@code promtool check config}). Skipped where promtool is not installed.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Path.of("../observability/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules");

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = locate().orElse(null);
    }

    @Test
    void theRulesAreValid() {
        run(RULES, "check", "rules", "shinchoku.rules.yml");
    }

    @Test
    void eachRuleFiresWhereItShouldAndNowhereElse() {
        run(RULES, "test", "rules", "shinchoku.rules.test.yml");
    }

    @Test
    void theComposeConfigurationIsValid() {
        run(PROMETHEUS, "check", "config", "prometheus.yml");
    }

    private static void run(Path dir, String... arguments) {
        Assumptions.assumeTrue(promtool != null,
                "promtool not installed (apt-get install prometheus; .ci/run does): rules not checked");
        List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        try {
            // the output to a file, so that a full pipe cannot stall promtool and a hung one cannot stall the test
            Path log = Files.createTempFile("promtool", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                        .start();
                boolean finished = process.waitFor(2, TimeUnit.MINUTES);
                if (!finished) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                String output = Files.readString(log, StandardCharsets.UTF_8);
                String where = String.join(" ", command) + " in " + dir.toAbsolutePath().normalize();
                assertThat(finished).as("%s did not finish within 2 minutes:%n%s", where, output).isTrue();
                assertThat(process.exitValue()).as("%s:%n%s", where, output).isZero();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Optional<Path> locate() {
        Path debian = Path.of("/usr/bin/promtool");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
