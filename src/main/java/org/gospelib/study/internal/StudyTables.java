package org.gospelib.study.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** What readers keep: highlights, notes, bookmarks, their activity and reading plans. */
@Component
class StudyTables implements IrreplaceableData {

    @Override
    public String module() {
        return "study";
    }

    @Override
    public List<String> tables() {
        return List.of("study_user",
                "study_item",
                "study_idempotency",
                "study_activity",
                "plan_enrolment",
                "plan_day_read");
    }
}
