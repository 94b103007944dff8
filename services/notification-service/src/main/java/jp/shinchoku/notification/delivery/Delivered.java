package jp.shinchoku.notification.delivery;

/** A notification's delivery over one channel ended (delivered, or dead-lettered): who was told what. */
public record Delivered(Delivery delivery, Notification notification) {
}
