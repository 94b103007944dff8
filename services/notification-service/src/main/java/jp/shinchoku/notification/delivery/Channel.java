package jp.shinchoku.notification.delivery;

/** A way of telling a receiver (email, webhook). */
public interface Channel {

    /** {@link Endpoint#EMAIL} or {@link Endpoint#WEBHOOK}. */
    String name();

    /**
     * Sends the message; returns when the other side accepted it.
     *
     * @throws DeliveryFailure when it did not; {@link DeliveryFailure#permanent()} when trying again cannot help
     */
    void send(Notification notification, String target) throws DeliveryFailure;

    /** Why a delivery failed. */
    final class DeliveryFailure extends Exception {

        private final boolean permanent;

        public DeliveryFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
