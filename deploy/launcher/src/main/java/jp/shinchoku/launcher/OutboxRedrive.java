package jp.shinchoku.launcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jp.shinchoku.platform.outbox.SetAsideEvents;

/**
 * Sends again the events a service set aside because the broker refused them for good (alert {@code EventsSetAside}),
 * once the cause is mended: they go back into their outboxes and the service's relay sends them at its next sweep
 * (within {@code shinchoku.outbox.sweep-interval}, 2 minutes).
 * <p>
 * {@code ./mvnw -q -pl deploy/launcher -am spring-boot:run -Dlauncher.main=jp.shinchoku.launcher.OutboxRedrive
 * -Dspring-boot.run.arguments="shinchoku-measurement mongodb://127.0.0.1:27017"}
 */
public final class OutboxRedrive {

    private OutboxRedrive() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("使い方 / usage: OutboxRedrive <database, e.g. shinchoku-measurement> [mongodb://127.0.0.1:27017]");
            System.exit(2);
        }
        String uri = args.length > 1 ? args[1] : System.getenv().getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017");
        try (MongoClient client = MongoClients.create(uri)) {
            long moved = SetAsideEvents.sendAgain(client.getDatabase(args[0]));
            System.out.printf("%s: %d event(s) back in the outbox; the service sends them at its next sweep%n", args[0], moved);
        }
    }
}
