package org.gospelib.study.internal;

import org.gospelib.identity.UserDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Deleting an account deletes everything its owner kept. Runs after identity's transaction
 * commits, from the event publication registry: if the process dies first, the event is
 * delivered again on restart, and deleting twice is harmless.
 */
@Component
class StudyCleanup {

    private static final Logger log = LoggerFactory.getLogger(StudyCleanup.class);

    private final StudyService study;

    StudyCleanup(StudyService study) {
        this.study = study;
    }

    @ApplicationModuleListener
    void on(UserDeleted event) {
        if (study.deleteEverything(event.userId()) > 0) log.info("study data of user {} deleted", event.userId());
    }
}
