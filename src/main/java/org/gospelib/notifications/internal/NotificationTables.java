package org.gospelib.notifications.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** What readers asked to be told and where, what was sent to them, and the addresses that refuse mail. */
@Component
class NotificationTables implements IrreplaceableData {

    @Override
    public String module() {
        return "notifications";
    }

    @Override
    public List<String> tables() {
        // the push key too: a new one would orphan every browser's subscription
        return List.of("notification_delivery", "notification_preference", "notification_suppression", "push_subscription", "push_device",
                "push_key");
    }
}
