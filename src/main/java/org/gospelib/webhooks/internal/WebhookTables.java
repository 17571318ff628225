package org.gospelib.webhooks.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** Readers' webhook endpoints, the messages for them and the log of deliveries. */
@Component
class WebhookTables implements IrreplaceableData {

    @Override
    public String module() {
        return "webhooks";
    }

    @Override
    public List<String> tables() {
        return List.of("webhook_endpoint",
                "webhook_message",
                "webhook_attempt");
    }
}
