package jp.shinchoku.notification.delivery.web;

import java.time.Instant;
import java.util.List;

import jp.shinchoku.notification.delivery.Deliverer;
import jp.shinchoku.notification.delivery.Delivery;
import jp.shinchoku.notification.delivery.Notification;
import jp.shinchoku.notification.delivery.NotificationLog;
import jp.shinchoku.platform.security.Access;
import jp.shinchoku.platform.security.Caller;
import jp.shinchoku.platform.security.Role;
import jp.shinchoku.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log: who was told what, when, over which channel; dead letters and sending them again. */
@RestController
class NotificationLogController {

    private final NotificationLog log;
    private final Deliverer deliverer;

    NotificationLogController(NotificationLog log, Deliverer deliverer) {
        this.log = log;
        this.deliverer = deliverer;
    }

    record NotificationView(Notification notification, List<Delivery> deliveries) {
    }

    @GetMapping("/api/notifications")
    List<NotificationView> notifications(@RequestParam(required = false) String receiver,
            @RequestParam(required = false) Instant since, @RequestParam(defaultValue = "100") int limit) {
        Caller caller = Access.anyOf(Role.HQ, Role.PREFECTURE, Role.ADMIN);
        return log.notifications(receiver, since, Math.clamp(limit, 1, 1000)).stream()
                .filter(n -> caller.readsWhole(n.groupLabels().get("municipality")))
                .map(n -> new NotificationView(n, log.deliveries(n.id()))).toList();
    }

    @GetMapping("/api/notifications/{id}")
    NotificationView notification(@PathVariable String id) {
        Notification notification = log.notification(id).orElseThrow(() -> ApiProblem.of(
                InboxController.PROBLEMS, HttpStatus.NOT_FOUND, "notification-not-found", id));
        Access.readsWhole(notification.groupLabels().get("municipality"), "notification", id);
        return new NotificationView(notification, log.deliveries(id));
    }

    /** Deliveries by status: {@code DEAD_LETTERED} lists the dead letters. */
    @GetMapping("/api/deliveries")
    List<Delivery> deliveries(@RequestParam(required = false) Delivery.Status status,
            @RequestParam(defaultValue = "100") int limit) {
        // the delivery machinery (targets, errors, dead letters) is the operators'
        Access.anyOf(Role.OPS, Role.ADMIN);
        return log.deliveries(status, Math.clamp(limit, 1, 1000));
    }

    /** Sends a dead letter again (after the target was fixed). */
    @PostMapping("/api/deliveries/{id}/retry")
    Delivery retry(@PathVariable String id) {
        Access.anyOf(Role.OPS, Role.ADMIN);
        Delivery delivery = log.delivery(id).orElseThrow(() -> ApiProblem.of(InboxController.PROBLEMS,
                HttpStatus.NOT_FOUND, "delivery-not-found", id));
        if (delivery.status() != Delivery.Status.DEAD_LETTERED) {
            throw ApiProblem.of(InboxController.PROBLEMS, HttpStatus.CONFLICT, "delivery-not-dead-lettered",
                    delivery.status());
        }
        return deliverer.retry(delivery);
    }
}
