package org.gospelib.notifications.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.gospelib.identity.Accounts;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ProblemException;

/** The notifications API's problems, and the signed-in reader they are about. */
final class NotificationsProblems {

    private NotificationsProblems() {
    }

    static ProblemException authenticationRequired() {
        return new ProblemException("authentication-required", "Sign in required", 401, "this needs a signed-in user");
    }

    static ProblemException unknownUser() {
        return new ProblemException("unknown-user", "Unknown user", 404, "no account for this token's subject");
    }

    /** The account of the request's verified caller. */
    static UUID user(HttpServletRequest request, Accounts accounts) {
        Caller caller = Caller.of(request).orElseThrow(NotificationsProblems::authenticationRequired);
        return accounts.userId(caller).orElseThrow(NotificationsProblems::unknownUser);
    }
}
