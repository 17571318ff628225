-- The job queue. scheduled_tasks is db-scheduler's own table, in the shape its PostgreSQL
-- script gives it (priority included): one row per job waiting, running or retrying, keyed by
-- the job's kind (task_name) and key (task_instance), so a key is queued at most once.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Jobs that failed every attempt their kind allows: kept, with the last error, until an
-- operator retries or discards them. A key buried again replaces its earlier row.
create table job_dead (
    id        bigint generated always as identity primary key,
    kind      text        not null,
    job_key   text        not null,
    payload   bytea       not null,
    priority  smallint    not null,
    attempts  integer     not null,
    error     text        not null,
    died_at   timestamptz not null,
    unique (kind, job_key)
);

-- How far a long job has got, written by the job as it runs and deleted when it ends.
create table job_progress (
    kind       text        not null,
    job_key    text        not null,
    done       bigint      not null,
    total      bigint      not null,
    note       text        not null,
    updated_at timestamptz not null,
    primary key (kind, job_key)
);
