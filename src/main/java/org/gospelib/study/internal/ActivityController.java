package org.gospelib.study.internal;

import org.gospelib.identity.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's study activity ({@code /v1/me/activity}): private, never cached by intermediaries. */
@RestController
@Tag(name = "Study data")
class ActivityController {

    static final int MAX_LIMIT = 200;

    private final ActivityFeed feed;
    private final Accounts accounts;

    ActivityController(ActivityFeed feed, Accounts accounts) {
        this.feed = feed;
        this.accounts = accounts;
    }

    @GetMapping("/v1/me/activity")
    @Operation(summary = "What the user did lately, newest first",
            description = "Highlights, notes and bookmarks kept ({\"kind\": \"note.created\", \"osis\", \"itemId\", \"at\"}) and "
                    + "reading plan days read ({\"kind\": \"plan.day-completed\", \"enrolmentId\", \"day\", \"at\"}). Entries "
                    + "are written just after each change commits, so one may show a moment later than the change itself.")
    ResponseEntity<Activity> activity(
            @Parameter(description = "At most this many entries, 1 to " + MAX_LIMIT) @RequestParam(defaultValue = "50") int limit,
            HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StudyProblems.invalidParameter("limit must be between 1 and " + MAX_LIMIT);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Activity(feed.latest(user, limit).stream().map(ActivityEntry::of).toList()));
    }

    record Activity(List<ActivityEntry> activity) {
    }

    /** A plan day read (enrolment and day) or an item kept (passage and item). */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ActivityEntry(String kind, Optional<String> enrolmentId, Optional<Integer> day, Optional<String> osis,
            Optional<String> itemId, String at) {

        static ActivityEntry of(ActivityFeed.Entry entry) {
            return entry.planDay()
                    ? new ActivityEntry(entry.kind(), Optional.of(entry.subject().toString()), Optional.of(entry.day()),
                            Optional.empty(), Optional.empty(), entry.at().toString())
                    : new ActivityEntry(entry.kind(), Optional.empty(), Optional.empty(), Optional.of(entry.osis()),
                            Optional.of(entry.subject().toString()), entry.at().toString());
        }
    }
}
