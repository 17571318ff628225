package org.gospelib.jobs.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.LocalTime;
import java.time.ZoneId;

/** A daily job's schedule and payload, stored with the job: its local time, its zone, its payload as JSON. */
record DailySchedule(String time, String zone, String payload) implements ScheduleAndData {

    @Override
    @JsonIgnore
    public Schedule getSchedule() {
        return new Daily(ZoneId.of(zone), LocalTime.parse(time));
    }

    @Override
    @JsonIgnore
    public Object getData() {
        return payload;
    }
}
