package jp.shinchoku.embedded;

import java.nio.file.Path;

/**
 * The Kafka broker (KRaft) as a process of its own: {@code BrokerServer <log folder> <port>}. Prints
 * {@code READY <bootstrap servers>} once it listens; stops on SIGTERM. The fault tests stop and start it again on the
 * same folder and port, as a broker restarted under running services.
 */
public final class BrokerServer {

    private BrokerServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: BrokerServer <log folder> <port>");
            System.exit(2);
        }
        InProcessKafka broker = InProcessKafka.start(Path.of(args[0]), Integer.parseInt(args[1]));
        ChildJvm.serveUntilStopped(broker, broker.bootstrapServers());
    }
}
