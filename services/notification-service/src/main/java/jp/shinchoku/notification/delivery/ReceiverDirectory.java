package jp.shinchoku.notification.delivery;

import java.util.List;

/** Where each receiver is told, besides the in-app inbox: its email addresses and webhooks. */
public interface ReceiverDirectory {

    /** @param municipality the 地方公共団体コード of the alerts, or null */
    List<Endpoint> endpoints(String municipality, String receiver);
}
