package org.gospelib.jobs.internal;

import java.util.List;
import org.gospelib.platform.IrreplaceableData;
import org.springframework.stereotype.Component;

/** Work not yet done: queued jobs, dead jobs waiting for an operator, and the outbox's event publications. */
@Component
class JobTables implements IrreplaceableData {

    @Override
    public String module() {
        return "jobs";
    }

    @Override
    public List<String> tables() {
        return List.of("scheduled_tasks",
                "job_dead",
                "event_publication");
    }
}
