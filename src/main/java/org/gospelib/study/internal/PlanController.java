package org.gospelib.study.internal;

import org.gospelib.identity.Accounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.platform.ProblemException;
import org.gospelib.platform.UserText;
import org.gospelib.scripture.OsisRange;
import org.gospelib.scripture.ReferenceParseException;
import org.gospelib.scripture.ReferenceParser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Reading plans: the built-in ones (public), and a user's enrolments with their progress. */
@RestController
@Tag(name = "Reading plans")
class PlanController {

    static final int MAX_CUSTOM_DAYS = 400;
    private static final ReferenceParser PARSER = ReferenceParser.create();

    private final ReadingPlans plans;
    private final PlanService service;
    private final Accounts accounts;
    private final JsonMapper json;

    PlanController(ReadingPlans plans, PlanService service, Accounts accounts, JsonMapper json) {
        this.plans = plans;
        this.service = service;
        this.accounts = accounts;
        this.json = json;
    }

    /** An enrolment request: a built-in plan's id, or a name and one reading per day. */
    record EnrolRequest(String plan, String name, List<String> readings, String startDate, String timeZone) {
    }

    @GetMapping("/v1/plans")
    @Operation(summary = "The built-in reading plans", description = "Balanced by reading length, from the corpus' own text.")
    ResponseEntity<PlanAnswers.Plans> builtIn() {
        List<PlanAnswers.PlanSummary> list = plans.builtIn().values().stream().map(PlanAnswers.PlanSummary::of).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(new PlanAnswers.Plans(list));
    }

    @GetMapping("/v1/plans/{id}")
    @Operation(summary = "A built-in plan, day by day")
    ResponseEntity<PlanAnswers.BuiltInPlan> builtIn(@PathVariable String id) {
        ReadingPlans.Plan plan = plans.plan(id).orElseThrow(() -> StudyProblems.planNotFound(id));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(PlanAnswers.BuiltInPlan.of(plan));
    }

    @PostMapping(path = "/v1/me/plans", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Enrol in a reading plan",
            description = "{\"plan\": \"bible-in-a-year\", \"startDate\": \"2027-01-01\", \"timeZone\": \"Europe/Madrid\"}, or a "
                    + "custom plan: {\"name\": \"Lent\", \"readings\": [\"Matt 5-7\", \"Luke 15; Ps 51\"], …}, one reading a day.")
    ResponseEntity<PlanAnswers.Enrolment> enrol(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        EnrolRequest r = RequestBodies.json(json, body, EnrolRequest.class);
        PlanService.Enrolment enrolment;
        try {
            ZoneId zone = PlanService.zone(r.timeZone());
            LocalDate start = start(r.startDate(), zone);
            if (r.plan() != null && !r.plan().isBlank()) {
                ReadingPlans.Plan plan = plans.plan(r.plan().strip()).orElseThrow(() -> new InvalidItem("plan",
                        "no built-in plan '" + r.plan() + "'; see GET /v1/plans"));
                enrolment = service.enrol(user, plan.id(), plan.name(), plan.days(), start, zone);
            } else {
                String name = r.name() == null ? "" : r.name().strip();
                if (name.isEmpty() || UserText.length(name) > 100) throw new InvalidItem("name", "a custom plan needs a name of 1 to 100 characters");
                Optional<String> unkeepable = UserText.problem(name, false);
                if (unkeepable.isPresent()) throw new InvalidItem("name", "the name " + unkeepable.get());
                enrolment = service.enrol(user, "custom", name, readings(r.readings()), start, zone);
            }
        } catch (InvalidItem e) {
            throw StudyProblems.invalidPlan(e);
        }
        return ResponseEntity.created(URI.create("/v1/me/plans/" + enrolment.id())).cacheControl(CacheControl.noStore())
                .body(enrolmentJson(enrolment, true));
    }

    @GetMapping("/v1/me/plans")
    @Operation(summary = "The user's reading plans, with progress")
    ResponseEntity<PlanAnswers.Enrolments> mine(HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        List<PlanAnswers.Enrolment> list = service.list(user).stream().map(e -> enrolmentJson(e, false)).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new PlanAnswers.Enrolments(list));
    }

    @GetMapping("/v1/me/plans/{id}")
    @Operation(summary = "One of the user's plans: each day's reading, what is read, progress and streak")
    ResponseEntity<PlanAnswers.Enrolment> one(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(enrolmentJson(service.find(user, RequestBodies.id(id, "plan")).orElseThrow(() -> notFound(id)), true));
    }

    @PutMapping("/v1/me/plans/{id}/days/{day}")
    @Operation(summary = "Mark a day read", description = "Marking it again changes nothing.")
    ResponseEntity<PlanAnswers.Enrolment> markRead(@PathVariable String id, @PathVariable int day, HttpServletRequest request) {
        return mark(id, day, true, request);
    }

    @DeleteMapping("/v1/me/plans/{id}/days/{day}")
    @Operation(summary = "Mark a day unread")
    ResponseEntity<PlanAnswers.Enrolment> markUnread(@PathVariable String id, @PathVariable int day, HttpServletRequest request) {
        return mark(id, day, false, request);
    }

    @PostMapping("/v1/me/plans/{id}/catch-up")
    @Operation(summary = "Catch up", description = "Moves the plan's start so that the first unread day is today's.")
    ResponseEntity<PlanAnswers.Enrolment> catchUp(@PathVariable String id, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        PlanService.Enrolment e = service.catchUp(user, RequestBodies.id(id, "plan")).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(enrolmentJson(e, false));
    }

    @DeleteMapping("/v1/me/plans/{id}")
    @Operation(summary = "Leave a plan")
    ResponseEntity<Void> leave(@PathVariable String id, HttpServletRequest request) {
        if (!service.leave(accounts.signedIn(request), RequestBodies.id(id, "plan"))) throw notFound(id);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<PlanAnswers.Enrolment> mark(String id, int day, boolean read, HttpServletRequest request) {
        UUID user = accounts.signedIn(request);
        PlanService.Enrolment e = service.mark(user, RequestBodies.id(id, "plan"), day, read).orElseThrow(() -> StudyProblems.notFound("no day " + day + " in plan " + id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(enrolmentJson(e, false));
    }

    private PlanAnswers.Enrolment enrolmentJson(PlanService.Enrolment e, boolean withDays) {
        return PlanAnswers.Enrolment.of(e, service.clock(), withDays);
    }

    private static List<List<String>> readings(List<String> given) throws InvalidItem {
        if (given == null || given.isEmpty() || given.size() > MAX_CUSTOM_DAYS) {
            throw new InvalidItem("readings", "a custom plan has 1 to " + MAX_CUSTOM_DAYS + " days of readings");
        }
        List<List<String>> days = new ArrayList<>();
        for (String reading : given) {
            if (reading == null || reading.isBlank() || reading.length() > 200) {
                throw new InvalidItem("readings", "each day's reading is a reference of 1 to 200 characters");
            }
            try {
                days.add(PARSER.parse(reading).ranges().stream().map(OsisRange::osis).toList());
            } catch (ReferenceParseException e) {
                throw new InvalidItem("readings", "'" + reading + "': " + e.getMessage());
            }
        }
        return days;
    }

    private LocalDate start(String date, ZoneId zone) throws InvalidItem {
        if (date == null || date.isBlank()) return LocalDate.now(service.clock().withZone(zone));
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidItem("startDate", "startDate is a date such as 2027-01-01");
        }
    }


    private static ProblemException notFound(String id) {
        return StudyProblems.notFound("no plan " + id);
    }
}
