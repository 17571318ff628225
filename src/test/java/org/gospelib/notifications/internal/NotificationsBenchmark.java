package org.gospelib.notifications.internal;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gospelib.GospelibApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.subethamail.smtp.server.SMTPServer;

/**
 * One day of reading-plan reminders for many readers spread over the world's time zones,
 * delivered through the application's own sweep, jobs and mail delivery to an SMTP server on
 * loopback that counts what it receives: how long the sweeps take to queue them, how fast they
 * are delivered, and that every reader got exactly one. Writes target/bench-notifications.md.
 */
public final class NotificationsBenchmark {

    /** Zones readers live in, from UTC-10 to UTC+13, daylight saving and half hours included. */
    static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
            "America/Mexico_City", "America/Chicago", "America/New_York", "America/Bogota", "America/Caracas",
            "America/Sao_Paulo", "America/Argentina/Buenos_Aires", "Atlantic/Azores", "Europe/London", "Europe/Madrid",
            "Africa/Lagos", "Europe/Athens", "Africa/Nairobi", "Asia/Tehran", "Asia/Dubai", "Asia/Kolkata", "Asia/Kathmandu",
            "Asia/Dhaka", "Asia/Bangkok", "Asia/Manila", "Asia/Seoul", "Australia/Adelaide", "Australia/Sydney",
            "Pacific/Auckland", "Pacific/Tongatapu", "UTC");

    private NotificationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int readers = Integer.parseInt(System.getProperty("bench.readers", "100000"));
        int threads = Integer.parseInt(System.getProperty("bench.threads", "32"));
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicLong lastArrival = new AtomicLong();
        SMTPServer smtp = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .messageHandler((context, from, to, data) -> {
                    received.computeIfAbsent(to.toLowerCase(java.util.Locale.ROOT), k -> new AtomicInteger()).incrementAndGet();
                    lastArrival.set(System.nanoTime());
                })
                .build();
        smtp.start();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GospelibApplication.class)
                .web(WebApplicationType.NONE)
                .run("--gospelib.data-dir=target/bench-data", "--gospelib.ingest.on-start=never",
                        "--gospelib.content.snapshot=false", "--gospelib.search.semantic.enabled=false",
                        "--gospelib.notifications.mail.transport=smtp", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getPortAllocated(), "--gospelib.jobs.threads=" + threads,
                        "--logging.level.root=warn", "--logging.file.name=target/bench-data/logs/bench-notifications.log")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ReminderSweep sweep = context.getBean(ReminderSweep.class);
            String run = Long.toString(System.nanoTime(), 36);
            Instant dayStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            System.out.printf("setting up %,d readers…%n", readers);
            List<String> emails = setUp(jdbc, readers, run, dayStart);

            // the minute sweep, as a day passes: every 15 minutes of the next 24 hours, as fast as it goes
            long enqueueNanos = 0;
            int queued = 0;
            int sweeps = 0;
            long first = System.nanoTime();
            for (Instant at = dayStart; !at.isAfter(dayStart.plus(Duration.ofHours(24))); at = at.plus(Duration.ofMinutes(15))) {
                long start = System.nanoTime();
                queued += sweep.sweep(at);
                enqueueNanos += System.nanoTime() - start;
                sweeps++;
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (total(received, emails) < readers && System.nanoTime() < deadline) Thread.sleep(200);
            Thread.sleep(3_000); // anything sent twice would arrive now
            long delivered = total(received, emails);
            long once = emails.stream().filter(e -> received.getOrDefault(e, new AtomicInteger()).get() == 1).count();
            long twice = emails.stream().filter(e -> received.getOrDefault(e, new AtomicInteger()).get() > 1).count();
            double seconds = (lastArrival.get() - first) / 1e9;
            String report = """
                    # Notifications: one day of reminders

                    %,d readers in %d time zones, each with a reading plan and a plan reminder at a local time of their
                    own; %d sweeps (every 15 minutes of a day, run back to back); jobs on %d threads; SMTP on loopback.

                    | | |
                    |---|---:|
                    | reminders queued by the sweeps | %,d |
                    | time the sweeps took to queue them | %.1f s (%,.0f per second) |
                    | messages received by the SMTP server | %,d |
                    | delivery rate, first sweep to last message | %,.0f per second (%.1f s) |
                    | readers who got exactly one | %,d |
                    | readers who got more than one | %,d |
                    """.formatted(readers, ZONES.size(), sweeps, threads, queued, enqueueNanos / 1e9, queued / (enqueueNanos / 1e9),
                    delivered, delivered / seconds, seconds, once, twice);
            Files.writeString(Path.of("target/bench-notifications.md"), report);
            System.out.println(report);
            if (once != readers) throw new AssertionError(readers - once + " readers did not get exactly one reminder");
        } finally {
            smtp.stop();
        }
    }

    private static long total(Map<String, AtomicInteger> received, List<String> emails) {
        long n = 0;
        for (String e : emails) {
            AtomicInteger count = received.get(e);
            if (count != null) n += count.get();
        }
        return n;
    }

    /** Readers with verified addresses, a 30-day plan started yesterday, and a reminder at a random local time. */
    private static List<String> setUp(JdbcTemplate jdbc, int readers, String run, Instant dayStart) {
        Random random = new Random(42);
        StringBuilder readings = new StringBuilder("[");
        for (int d = 1; d <= 30; d++) readings.append(d > 1 ? "," : "").append("[\"Gen.").append(d).append("\"]");
        String plan = readings.append("]").toString();
        List<String> emails = new ArrayList<>(readers);
        int batch = 5_000;
        for (int from = 0; from < readers; from += batch) {
            List<Object[]> users = new ArrayList<>();
            List<Object[]> plans = new ArrayList<>();
            List<Object[]> preferences = new ArrayList<>();
            for (int i = from; i < Math.min(readers, from + batch); i++) {
                UUID id = UUID.randomUUID();
                String email = "reader-" + run + "-" + i + "@bench.test";
                emails.add(email);
                ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
                LocalTime at = LocalTime.of(5 + random.nextInt(16), random.nextInt(60));
                users.add(new Object[] {id, email});
                plans.add(new Object[] {UUID.randomUUID(), id, plan, dayStart.atZone(zone).toLocalDate().minusDays(1), zone.getId()});
                ReminderPreferences wanted = new ReminderPreferences(id, zone, at, Optional.empty(),
                        EnumSet.of(ReminderKind.PLAN_REMINDER), EnumSet.noneOf(ReminderKind.class), "",
                        PreferenceStore.newUnsubscribeToken());
                // due from the start of the simulated day: the sweeps walk through it
                Instant next = wanted.nextAfter(dayStart).orElseThrow();
                preferences.add(new Object[] {id, zone.getId(), at, wanted.unsubscribeToken(), Timestamp.from(next)});
            }
            jdbc.batchUpdate("""
                    insert into app_user (id, email, display_name, created_at, updated_at, email_verified_at)
                    values (?, ?, 'Bench reader', now(), now(), now())""", users);
            jdbc.batchUpdate("insert into study_user (user_id) values (?)", users.stream().map(u -> new Object[] {u[0]}).toList());
            jdbc.batchUpdate("""
                    insert into plan_enrolment (id, user_id, plan_key, name, readings, start_date, time_zone, version, change, updated_at)
                    values (?, ?, 'bench', 'Genesis in a month', ?::jsonb, ?, ?, 1, 1, now())""", plans);
            jdbc.batchUpdate("""
                    insert into notification_preference (user_id, time_zone, remind_at, email_kinds, unsubscribe_token, next_send_at,
                        updated_at)
                    values (?, ?, ?, '{plan-reminder}', ?, ?, now())""", preferences);
        }
        return emails;
    }
}
