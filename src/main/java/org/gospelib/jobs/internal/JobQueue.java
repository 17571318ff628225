package org.gospelib.jobs.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.SchedulableTaskInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.gospelib.jobs.DailyJob;
import org.gospelib.jobs.JobHandler;
import org.gospelib.jobs.JobKind;
import org.gospelib.jobs.JobPriority;
import org.gospelib.jobs.JobRequest;
import org.gospelib.jobs.Jobs;
import org.gospelib.jobs.RecurringJob;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.Service;
import org.gospelib.platform.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The job queue on db-scheduler: one one-time task per {@link JobHandler} kind, one task with a
 * persistent daily schedule per kind (named {@code kind@daily}), one recurring task per
 * {@link RecurringJob}. Every process enqueues through a client that joins the caller's
 * transaction (a job enqueued by a transaction that rolls back was never queued); processes with
 * {@code gospelib.jobs.execute=true} (collapsed, workers) also run a scheduler that picks due jobs,
 * highest priority first, with a heartbeat: a job whose process died is picked up again once its
 * heartbeat is stale.
 */
@Component("jobs")
class JobQueue implements Jobs, SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(JobQueue.class);
    static final String DAILY = "@daily";

    private final Map<String, OneTimeTask<?>> oneTime = new LinkedHashMap<>();
    private final Map<String, RecurringTaskWithPersistentSchedule<DailySchedule>> daily = new LinkedHashMap<>();
    private final List<RecurringTask<Void>> recurring = new ArrayList<>();
    private final JsonTaskData json;
    private final TraceContexts traces;
    private final DeadJobs dead;
    private final JobProgress progress;
    private final MeterRegistry meters;
    private final SchedulerClient client;
    private final boolean execute;
    private final Supplier<Executing> executors;
    /** The scheduler while started; a new one each start (a stopped db-scheduler cannot start again). */
    private volatile Optional<Executing> executing = Optional.empty();

    /** A started scheduler and its own connection pool. */
    private record Executing(Scheduler scheduler, HikariDataSource pool) {
    }
    private final int threads;
    private volatile boolean running;
    private volatile boolean paused;

    JobQueue(DataSource dataSource, List<JobHandler<?>> handlers, List<RecurringJob> recurringJobs, DeadJobs dead,
            JobProgress progress, MeterRegistry meters, @Value("${gospelib.jobs.execute:}") String execute, HostedServices hosted,
            @Value("${gospelib.jobs.threads:0}") int threads,
            @Value("${gospelib.jobs.poll-interval:2s}") Duration pollInterval,
            @Value("${gospelib.jobs.heartbeat-interval:10s}") Duration heartbeat, TraceContexts traces) {
        this.traces = traces;
        this.json = new JsonTaskData(traces);
        this.dead = dead;
        this.progress = progress;
        this.meters = meters;
        // unset: a worker's jobs mostly wait (on the database, on webhook receivers), so more run
        // at once there than in a process that shares its cores with readers
        this.threads = threads > 0 ? threads : hosted.workerOnly() ? 64 : 4;
        for (JobHandler<?> handler : handlers) register(handler);
        for (RecurringJob job : recurringJobs) {
            recurring.add(recurringTask(job));
            registerMeters(job.name());
        }
        registerMeters("batch");
        List<Task<?>> tasks = new ArrayList<>(oneTime.values());
        tasks.addAll(daily.values());
        List<Task<?>> all = new ArrayList<>(tasks);
        all.addAll(recurring);
        this.client = SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), all)
                .serializer(json).enablePriority().build();
        // unset: where the worker service runs, which the collapsed process does too
        this.execute = execute.isBlank() ? hosted.hosts(Service.WORKER) : Boolean.parseBoolean(execute.strip());
        this.executors = () -> {
            HikariDataSource pool = executorPool(dataSource, this.threads);
            // the recurring tasks are known to the scheduler as its start tasks (scheduled at start if missing)
            Scheduler scheduler = Scheduler.create(pool, tasks).serializer(json).enablePriority()
                    .threads(this.threads).pollingInterval(pollInterval)
                    // SELECT … FOR UPDATE SKIP LOCKED: executors take disjoint batches, however many there are
                    .pollUsingLockAndFetch(0.5, 1.0).heartbeatInterval(heartbeat).missedHeartbeatsLimit(4)
                    .enableImmediateExecution().startTasks(recurring)
                    .shutdownMaxWait(Duration.ofSeconds(20)).build();
            return new Executing(scheduler, pool);
        };
    }

    /**
     * The executor's own connections, whose commits do not wait for the write-ahead log to reach
     * the disk ({@code synchronous_commit = off}). What the executor writes is picking a job,
     * heartbeats, and removing or rescheduling it when it ends: if a crash loses one of those
     * writes, the job runs again, which at-least-once delivery allows. Enqueueing (the client) keeps
     * the application's pool and its durable commits: a job once acknowledged is never lost.
     */
    private static HikariDataSource executorPool(DataSource dataSource, int threads) {
        HikariConfig config = new HikariConfig();
        if (dataSource instanceof HikariDataSource hikari) {
            config.setJdbcUrl(hikari.getJdbcUrl());
            config.setUsername(hikari.getUsername());
            config.setPassword(hikari.getPassword());
            hikari.getDataSourceProperties().forEach((k, v) -> config.addDataSourceProperty((String) k, v));
        } else {
            config.setDataSource(dataSource);
        }
        config.setPoolName("gospelib-jobs");
        config.setMaximumPoolSize(Math.min(threads + 2, 16));
        config.setMinimumIdle(1);
        config.setConnectionInitSql("set synchronous_commit = off");
        return new HikariDataSource(config);
    }

    private <P> void register(JobHandler<P> handler) {
        JobKind<P> kind = handler.kind();
        if (oneTime.containsKey(kind.name())) throw new IllegalStateException("two handlers of job kind " + kind.name());
        registerMeters(kind.name());
        oneTime.put(kind.name(), Tasks.oneTime(kind.name(), kind.payloadType())
                .onFailure(new RetryThenBury<>(kind.name(), handler.retryPolicy(), dead, json, meters, Clock.systemUTC(),
                        RandomGenerator.getDefault()))
                .defaultPriority(handler.defaultPriority().value())
                .execute((instance, context) -> run(handler, instance.getData(), instance.getId(),
                        context.getExecution().consecutiveFailures + 1)));
        daily.put(kind.name(), Tasks.recurringWithPersistentSchedule(kind.name() + DAILY, DailySchedule.class)
                .execute((instance, context) -> run(handler,
                        JsonTaskData.JSON.readValue(instance.getData().payload(), kind.payloadType()), instance.getId(), 1)));
    }

    private <P> void run(JobHandler<P> handler, P payload, String key, int attempt) {
        String kind = handler.kind().name();
        RunningJob job = new RunningJob(kind, key, attempt, progress);
        Timer.Sample sample = Timer.start(meters);
        String[] outcome = {"failure"};
        try {
            // a span of its own, continuing the trace the job was queued in
            traces.receive("job " + kind, json.traceOf(payload), () -> {
                try {
                    handler.handle(payload, job);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new JobFailedException(kind, key, e);
                }
                return null;
            });
            outcome[0] = "success";
            job.finished();
        } finally {
            sample.stop(meters.timer("gospelib.jobs.runs", "kind", kind, "outcome", outcome[0]));
        }
    }

    /**
     * A kind's meters exist, at zero, from the start: a rate over a counter that appears only
     * with its first increment misses that increment, and dashboards would show nothing rather
     * than none.
     */
    private void registerMeters(String kind) {
        Counter.builder("gospelib.jobs.enqueued").tag("kind", kind).description("jobs queued, by kind").register(meters);
        Counter.builder("gospelib.jobs.retries").tag("kind", kind).description("failed runs to be retried, by kind").register(meters);
        Counter.builder("gospelib.jobs.dead").tag("kind", kind).description("jobs that exhausted their retries, by kind")
                .register(meters);
        for (String outcome : List.of("success", "failure")) {
            Timer.builder("gospelib.jobs.runs").tag("kind", kind).tag("outcome", outcome).description("job runs, by kind and outcome")
                    .register(meters);
        }
    }

    private RecurringTask<Void> recurringTask(RecurringJob job) {
        return Tasks.recurring(job.name(), schedule(job)).execute((instance, context) -> {
            Timer.Sample sample = Timer.start(meters);
            String outcome = "failure";
            try {
                job.work().run();
                outcome = "success";
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new JobFailedException(job.name(), "recurring", e);
            } finally {
                sample.stop(meters.timer("gospelib.jobs.runs", "kind", job.name(), "outcome", outcome));
            }
        });
    }

    static Schedule schedule(RecurringJob job) {
        String schedule = job.schedule().strip();
        if (schedule.startsWith("every ")) return Schedules.fixedDelay(Duration.parse(schedule.substring(6).strip()));
        return Schedules.cron(schedule, job.zone());
    }

    @SuppressWarnings("unchecked")
    private <P> OneTimeTask<P> task(JobKind<P> kind) {
        OneTimeTask<?> task = oneTime.get(kind.name());
        if (task == null) throw new IllegalArgumentException("no handler for job kind " + kind.name());
        return (OneTimeTask<P>) task;
    }

    private <P> TaskInstance<P> instance(JobRequest<P> request) {
        return task(request.kind()).instanceBuilder(request.key()).data(request.payload())
                .priority(request.priority().value()).build();
    }

    private static Instant due(Instant runAt) {
        Instant now = Instant.now();
        return runAt.isBefore(now) ? now : runAt;
    }

    @Override
    public <P> boolean enqueue(JobRequest<P> request) {
        boolean queued = client.scheduleIfNotExists(instance(request), due(request.runAt()));
        if (queued) {
            meters.counter("gospelib.jobs.enqueued", "kind", request.kind().name()).increment();
            wakeAfterCommit();
        }
        return queued;
    }

    @Override
    public void enqueueAll(List<? extends JobRequest<?>> requests) {
        if (requests.isEmpty()) return;
        List<SchedulableInstance<?>> instances = new ArrayList<>(requests.size());
        for (JobRequest<?> request : requests) instances.add(schedulable(request));
        client.scheduleBatch(instances);
        meters.counter("gospelib.jobs.enqueued", "kind", "batch").increment(requests.size());
        wakeAfterCommit();
    }

    private <P> SchedulableInstance<P> schedulable(JobRequest<P> request) {
        return new SchedulableTaskInstance<>(instance(request), due(request.runAt()));
    }

    @Override
    public <P> void scheduleDaily(DailyJob<P> job) {
        task(job.kind());
        var task = daily.get(job.kind().name());
        var data = new DailySchedule(job.at().toString(), job.zone().getId(),
                JsonTaskData.JSON.writeValueAsString(job.payload()));
        client.schedule(task.schedulableInstance(job.key(), data), SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        wakeAfterCommit();
    }

    @Override
    public boolean cancel(JobKind<?> kind, String key) {
        boolean any = false;
        for (String name : List.of(kind.name(), kind.name() + DAILY)) {
            try {
                client.cancel(TaskInstanceId.of(name, key));
                any = true;
            } catch (TaskInstanceNotFoundException e) {
                // nothing of that name
            }
        }
        return any;
    }

    @Override
    public boolean queued(JobKind<?> kind, String key) {
        return client.getScheduledExecution(TaskInstanceId.of(kind.name(), key)).isPresent()
                || client.getScheduledExecution(TaskInstanceId.of(kind.name() + DAILY, key)).isPresent();
    }

    /** Puts a dead job back in the queue with its payload and priority, as a first attempt. */
    boolean revive(DeadJobs.Dead job) {
        OneTimeTask<?> task = oneTime.get(job.kind());
        if (task == null) return false;
        return reviveAs(task, job);
    }

    private <P> boolean reviveAs(OneTimeTask<P> task, DeadJobs.Dead job) {
        P payload = json.deserialize(task.getDataClass(), job.payload());
        boolean queued = client.scheduleIfNotExists(task.instanceBuilder(job.key()).data(payload)
                .priority(JobPriority.of(job.priority()).value()).build(), Instant.now());
        if (queued) wakeAfterCommit();
        return queued;
    }

    boolean knows(String kind) {
        return oneTime.containsKey(kind);
    }

    List<String> kinds() {
        List<String> kinds = new ArrayList<>(oneTime.keySet());
        recurring.forEach(r -> kinds.add(r.getName()));
        return kinds;
    }

    /** Looks for due jobs now rather than at the next poll (after jobs were made due by other means). */
    void lookForDueJobs() {
        executing.ifPresent(e -> e.scheduler().triggerCheckForDueExecutions());
    }

    /** A job enqueued inside a transaction is visible once it commits: look for due jobs then. */
    private void wakeAfterCommit() {
        if (executing.isEmpty()) return;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lookForDueJobs();
                }
            });
        } else {
            lookForDueJobs();
        }
    }

    @Override
    public synchronized void start() {
        if (execute && executing.isEmpty()) {
            Executing started = executors.get();
            started.scheduler().start();
            executing = Optional.of(started);
            log.info("jobs: executing {} kinds and {} recurring jobs on {} threads", oneTime.size(), recurring.size(), threads);
        }
        running = true;
    }

    /**
     * Stops or restarts this process taking jobs (those running finish): an operator drains a
     * worker replica before taking it down, or keeps a process that shares the database with
     * another deployment from taking that deployment's jobs. False if this process executes no jobs.
     */
    synchronized boolean pause(boolean paused) {
        if (executing.isEmpty()) return false;
        if (paused) executing.get().scheduler().pause();
        else executing.get().scheduler().resume();
        this.paused = paused;
        log.info("jobs: this process {} taking jobs", paused ? "stopped" : "resumed");
        return true;
    }

    boolean paused() {
        return paused;
    }

    @Override
    public synchronized void stop() {
        running = false;
        Optional<Executing> stopping = executing;
        executing = Optional.empty();
        stopping.ifPresent(e -> {
            e.scheduler().stop();
            e.pool().close();
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        if (!execute) return Health.up().withDetail("executing", false).build();
        Optional<Executing> current = executing;
        if (current.isEmpty()) return Health.outOfService().withDetail("executing", true).withDetail("scheduler", "stopped").build();
        var state = current.get().scheduler().getSchedulerState();
        String described = state.isShuttingDown() ? "shutting down" : state.isPaused() ? "paused"
                : state.isStarted() ? "started" : "not started";
        Health.Builder health = state.isStarted() && !state.isShuttingDown() ? Health.up() : Health.outOfService();
        return health.withDetail("executing", true).withDetail("scheduler", described).withDetail("threads", threads).build();
    }

    /** A job's handler threw a checked exception. */
    static final class JobFailedException extends RuntimeException {
        JobFailedException(String kind, String key, Exception cause) {
            super("job " + kind + " " + key + " failed", cause);
        }
    }
}
