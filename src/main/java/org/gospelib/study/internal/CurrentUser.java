package org.gospelib.study.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.springframework.stereotype.Component;

/** The account behind a request the gateway let through to a {@code /v1/me} route. */
@Component
class CurrentUser {

    private final Accounts accounts;

    CurrentUser(Accounts accounts) {
        this.accounts = accounts;
    }

    UUID of(HttpServletRequest request) {
        Caller caller = Caller.of(request).orElseThrow(StudyProblems::authenticationRequired);
        return accounts.userId(caller).orElseThrow(StudyProblems::unknownUser);
    }
}
