package org.gospelib.identity.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** Accounts, their sign-in state and the token-signing keys (the throttle of failed sign-ins is transient and left out). */
@Component
class IdentityTables implements IrreplaceableData {

    @Override
    public String module() {
        return "identity";
    }

    @Override
    public List<String> tables() {
        return List.of("app_user",
                "signing_key",
                "refresh_family",
                "refresh_token",
                "web_session",
                "account_request",
                "webhook_delivery");
    }
}
