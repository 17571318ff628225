package org.gospelib.console.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gospelib.identity.Caller;
import org.gospelib.platform.ConditionalOnService;
import org.gospelib.platform.QueryParameters;
import org.gospelib.platform.Service;
import org.gospelib.platform.TrafficHistory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's charts: requests, errors and the 99th percentile per hour and per route, and job runs (admins only). */
@RestController
@Tag(name = "Operations")
@ConditionalOnService(Service.WEB)
class TrafficController {

    static final int MAX_HOURS = 24 * 7;
    static final int ROUTES = 25;

    /**
     * @param hourly every hour of the window: all requests together ({@code route} {@code *}) and each job kind
     * @param routes the busiest routes over the whole window
     */
    record Traffic(int hours, Instant since, List<Long> bucketMillis, List<TrafficHistory.Period> hourly,
            List<TrafficHistory.Period> routes) {
    }

    private final TrafficHistory history;
    private final Clock clock;

    TrafficController(TrafficHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/v1/admin/traffic")
    @Operation(summary = "Requests, errors and p99 latency per hour and per route, and job runs, over the last hours (admins only)")
    ResponseEntity<Traffic> traffic(@Parameter(description = "The window, 1 to 168 hours; default 24")
            @RequestParam(defaultValue = "24") String hours, HttpServletRequest request) {
        Caller.operator(request);
        int window = QueryParameters.between(hours, "hours", 1, MAX_HOURS);
        Instant since = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(window - 1L));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Traffic(window, since, TrafficHistory.BUCKET_MILLIS,
                history.periods(since, Duration.ofHours(1)), history.routes(since, ROUTES)));
    }
}
