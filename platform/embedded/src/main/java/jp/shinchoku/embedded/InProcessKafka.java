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
        return start(logDir, port, Map.of());
    }

    /** The user every secured broker has: a super user, for tests that set ACLs and read what others may not. */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";

    /**
     * A broker that wants SASL/PLAIN from its clients and denies what no ACL allows (the standard authorizer), as a
     * production cluster does: {@code users} are its users and their passwords, besides {@link #ADMIN_USER}, a super
     * user. Clients need {@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=PLAIN} and
     * {@link #jaasConfig}.
     */
    public static InProcessKafka startSecured(Path logDir, Map<String, String> users) {
        return start(logDir, 0, users);
    }

    /** The client's {@code sasl.jaas.config} for a user of a secured broker. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static InProcessKafka start(Path logDir, int port, Map<String, String> users) {
        try {
            Files.createDirectories(logDir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = brokerProperties(logDir, clientPort, controllerPort);
            if (!users.isEmpty()) {
                secure(props, clientPort, users);
            }
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

    private static void secure(Properties props, int clientPort, Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"").append(ADMIN_USER).append("\" password=\"").append(ADMIN_PASSWORD).append('"')
                .append(" user_").append(ADMIN_USER).append("=\"").append(ADMIN_PASSWORD).append('"');
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        props.putAll(Map.of(
                "listeners", "SASL_PLAINTEXT://127.0.0.1:" + clientPort + ","
                        + props.getProperty("listeners").substring(props.getProperty("listeners").indexOf("CONTROLLER")),
                "advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + clientPort,
                "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "SASL_PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString(),
                "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // the controller listener's connections are User:ANONYMOUS, which KRaft wants a super user
                "super.users", "User:" + ADMIN_USER + ";User:ANONYMOUS"));
        props.put("allow.everyone.if.no.acl.found", "false");
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
