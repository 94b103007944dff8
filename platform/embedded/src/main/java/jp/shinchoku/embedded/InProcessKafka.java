package jp.shinchoku.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node), running inside this JVM and
 * listening on loopback only. Its log directory is formatted on first start and reused after, so a broker
 * started on the same directory keeps its topics and records.
 */
public final class InProcessKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafka.class);
    private static final String CLUSTER_ID_FILE = "shinchoku-cluster-id";

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private InProcessKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on a free port with its data in a fresh temporary directory. */
    public static InProcessKafka startTemporary() {
        try {
            return start(Files.createTempDirectory("shinchoku-kafka-"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker keeping its data in {@code logDir}.
     *
     * @param port the client port on 127.0.0.1, or 0 for any free port
     */
    public static InProcessKafka start(Path logDir, int port) {
        try {
            Files.createDirectories(logDir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, clientPort, controllerPort);
            format(logDir, props);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + clientPort;
            log.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrap, logDir);
            return new InProcessKafka(server, bootstrap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int clientPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))));
        return props;
    }

    /** Formats the log directory once; the cluster id is kept beside the data so a restart reuses it. */
    private static void format(Path logDir, Properties props) throws IOException {
        Path idFile = logDir.resolve(CLUSTER_ID_FILE);
        String clusterId;
        if (Files.exists(idFile)) {
            clusterId = Files.readString(idFile).trim();
        } else {
            clusterId = Uuid.randomUuid().toString();
            Files.writeString(idFile, clusterId);
        }
        Path config = Files.createTempFile("shinchoku-kafka-", ".properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "in-process broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        Files.deleteIfExists(config);
        if (exit != 0) {
            throw new IllegalStateException("Could not format the Kafka log directory " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
