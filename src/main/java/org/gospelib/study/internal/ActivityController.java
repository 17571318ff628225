package org.gospelib.study.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final CurrentUser currentUser;

    ActivityController(ActivityFeed feed, CurrentUser currentUser) {
        this.feed = feed;
        this.currentUser = currentUser;
    }

    @GetMapping("/v1/me/activity")
    @Operation(summary = "What the user did lately, newest first",
            description = "Highlights, notes and bookmarks kept ({\"kind\": \"note.created\", \"osis\", \"itemId\", \"at\"}) and "
                    + "reading plan days read ({\"kind\": \"plan.day-completed\", \"enrolmentId\", \"day\", \"at\"}). Entries "
                    + "are written just after each change commits, so one may show a moment later than the change itself.")
    ResponseEntity<Map<String, Object>> activity(
            @Parameter(description = "At most this many entries, 1 to " + MAX_LIMIT) @RequestParam(defaultValue = "50") int limit,
            HttpServletRequest request) {
        UUID user = currentUser.of(request);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StudyProblems.invalidParameter("limit must be between 1 and " + MAX_LIMIT);
        }
        List<Map<String, Object>> entries = feed.latest(user, limit).stream().map(ActivityController::entryJson).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("activity", entries));
    }

    private static Map<String, Object> entryJson(ActivityFeed.Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", entry.kind());
        if (entry.planDay()) {
            json.put("enrolmentId", entry.subject().toString());
            json.put("day", entry.day());
        } else {
            json.put("osis", entry.osis());
            json.put("itemId", entry.subject().toString());
        }
        json.put("at", entry.at().toString());
        return json;
    }
}
