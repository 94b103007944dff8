package jp.shinchoku.notification.alerts.web;

import java.util.List;

import jp.shinchoku.notification.alerts.Alert;
import jp.shinchoku.notification.alerts.AlertService;
import jp.shinchoku.notification.alerts.Receiver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The in-app inbox: the 推進本部's alerts (and, by receiver, a department's). */
@RestController
class InboxController {

    private final AlertService alerts;

    InboxController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/inbox")
    List<Alert> inbox(@RequestParam(defaultValue = Receiver.PROMOTION_HQ) String receiver,
            @RequestParam(required = false) Alert.State state) {
        return alerts.inbox(receiver, state);
    }
}
