package org.gospelib.notifications.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** What was sent to readers: their delivery log. */
@Component
class NotificationTables implements IrreplaceableData {

    @Override
    public String module() {
        return "notifications";
    }

    @Override
    public List<String> tables() {
        return List.of("notification_delivery");
    }
}
