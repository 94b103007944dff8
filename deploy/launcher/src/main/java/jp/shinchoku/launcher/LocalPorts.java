package jp.shinchoku.launcher;

import jp.shinchoku.launcher.LocalSystem.Service;

/**
 * The ports of the one-process system: the stack's usual ones (Kafka 9092, MongoDB 27017, the services 8081-8083, the
 * portal 8084, sign-in 9000), or seven in a row from a base ({@code SHINCHOKU_PORT_BASE}), so that two systems (two
 * data folders) can run on one machine.
 */
public record LocalPorts(int kafka, int mongo, int plan, int measurement, int notification, int portal, int auth) {

    public static LocalPorts defaults() {
        return new LocalPorts(9092, 27017, 8081, 8082, 8083, 8084, 9000);
    }

    /** Kafka on {@code base}, then MongoDB, the plan, measurement and notification services, the portal, sign-in. */
    public static LocalPorts from(int base) {
        if (base < 1024 || base > 65535 - 6) {
            throw new IllegalArgumentException("a port base between 1024 and 65529: " + base);
        }
        return new LocalPorts(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6);
    }

    public int of(Service service) {
        return switch (service) {
            case PLAN -> plan;
            case MEASUREMENT -> measurement;
            case NOTIFICATION -> notification;
        };
    }
}
