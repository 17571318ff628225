package org.gospelib.assistant.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/**
 * The readers' questions and answers, which are their study data. The hourly counts and the
 * cached answers are not kept: both come back by themselves.
 */
@Component
class AssistantTables implements IrreplaceableData {

    @Override
    public String module() {
        return "assistant";
    }

    @Override
    public List<String> tables() {
        return List.of("assistant_exchange");
    }
}
