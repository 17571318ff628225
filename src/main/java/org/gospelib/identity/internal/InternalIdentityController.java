package org.gospelib.identity.internal;

import java.util.Optional;
import org.gospelib.identity.Caller;
import org.gospelib.identity.WebSessions.WebSession;
import org.gospelib.identity.remote.IdentityApi;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.SplitTopology;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/** {@link IdentityApi} served: sessions and accounts for the gateway and the services of a split deployment. */
@RestController
@RequestMapping("/internal/identity")
@Conditional(SplitTopology.class)
@Hidden
class InternalIdentityController {

    private final WebSessionStore sessions;
    private final IdentityService identity;
    private final AccountEmails accountEmails;
    private final AccountPlans plans;

    InternalIdentityController(WebSessionStore sessions, IdentityService identity, AccountEmails accountEmails, AccountPlans plans) {
        this.plans = plans;
        this.sessions = sessions;
        this.identity = identity;
        this.accountEmails = accountEmails;
    }

    @PostMapping("/accounts/contact")
    org.gospelib.identity.Accounts.Contact contact(@RequestBody IdentityApi.AccountId account) {
        return Optional.ofNullable(account.id()).flatMap(identity::contact)
                .orElseThrow(() -> new ProblemException("not-found", "Not found", 404, "no account with that id"));
    }

    @PostMapping("/accounts/plan")
    IdentityApi.Subject assignPlan(@RequestBody IdentityApi.PlanAssignment assignment) {
        if (assignment.id() == null || assignment.plan() == null) {
            throw new ProblemException("invalid-plan-assignment", "Invalid plan assignment", 400, "an account id and a plan are needed");
        }
        return plans.assign(assignment.id(), assignment.plan()).map(IdentityApi.Subject::new)
                .orElseThrow(() -> new ProblemException("not-found", "Not found", 404, "no account with that id"));
    }

    @PostMapping("/account-links/issue")
    org.gospelib.identity.AccountLinks.AccountLink issueAccountLink(@RequestBody IdentityApi.AccountLinkRequest request) {
        return Optional.ofNullable(request.requestId()).flatMap(accountEmails::issue)
                .orElseThrow(() -> new ProblemException("not-found", "Not found", 404, "no open request with that id"));
    }

    @PostMapping("/sessions/resolve")
    WebSession resolveSession(@RequestBody IdentityApi.SessionLookup lookup) {
        return sessions.resolve(lookup.cookie() == null ? "" : lookup.cookie())
                .orElseThrow(() -> new ProblemException("not-found", "Not found", 404, "no live session has that cookie"));
    }

    @PostMapping("/accounts/user-id")
    IdentityApi.AccountId userId(@RequestBody Caller caller) {
        return identity.userId(caller).map(IdentityApi.AccountId::new)
                .orElseThrow(() -> new ProblemException("not-found", "Not found", 404, "no account for that caller"));
    }
}
