package org.gospelib.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A daily job's next run, in its own zone, through daylight-saving changes. */
class DailyScheduleTest {

    private static Instant next(String time, String zone, String after) {
        return new DailySchedule(time, zone, "{}").getSchedule()
                .getNextExecutionTime(ExecutionComplete.simulatedSuccess(Instant.parse(after)));
    }

    @Test
    void runsAtTheLocalTimeOfItsOwnZone() {
        assertThat(next("07:30", "Europe/Madrid", "2026-12-03T12:00:00Z")).isEqualTo("2026-12-04T06:30:00Z");
        assertThat(next("07:30", "America/Lima", "2026-12-03T12:00:00Z")).isEqualTo("2026-12-03T12:30:00Z");
        assertThat(next("07:30", "Asia/Kolkata", "2026-12-03T12:00:00Z")).isEqualTo("2026-12-04T02:00:00Z");
    }

    @Test
    void followsSummerTime() {
        // Madrid: CET (+1) until 2027-03-28 02:00, then CEST (+2)
        assertThat(next("07:30", "Europe/Madrid", "2027-03-27T07:00:00Z")).isEqualTo("2027-03-28T05:30:00Z");
        assertThat(next("07:30", "Europe/Madrid", "2027-03-28T06:00:00Z")).isEqualTo("2027-03-29T05:30:00Z");
        // a time the clocks skip runs as late as the gap is long (02:30 becomes 03:30 CEST)
        assertThat(next("02:30", "Europe/Madrid", "2027-03-27T12:00:00Z")).isEqualTo("2027-03-28T01:30:00Z");
        // New York goes back on 2026-11-01: 01:30 happens twice, the first one counts
        assertThat(next("01:30", "America/New_York", "2026-10-31T12:00:00Z")).isEqualTo("2026-11-01T05:30:00Z");
        // and its 07:30 moves from 11:30 UTC (EDT) to 12:30 UTC (EST)
        assertThat(next("07:30", "America/New_York", "2026-10-30T12:00:00Z")).isEqualTo("2026-10-31T11:30:00Z");
        assertThat(next("07:30", "America/New_York", "2026-10-31T12:00:00Z")).isEqualTo("2026-11-01T12:30:00Z");
    }

    @Test
    void itsPayloadTravelsAsJson() {
        JsonTaskData json = new JsonTaskData();
        DailySchedule schedule = new DailySchedule("07:30", "Europe/Madrid", "{\"plan\":\"nt-90\"}");
        byte[] stored = json.serialize(schedule);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("schedule\"");
        assertThat(json.deserialize(DailySchedule.class, stored)).isEqualTo(schedule);
    }
}
