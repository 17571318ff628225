-- Reading plan enrolments join /v1/me/sync: every change to an enrolment (enrolled, a day marked
-- read or unread, caught up, left) takes the user's next change number, under the same lock on
-- the user's study_user row as the items, so one cursor covers both. Leaving keeps a tombstone.

alter table plan_enrolment
    add column version    int         not null default 1,
    add column change     bigint,
    add column deleted    boolean     not null default false,
    add column updated_at timestamptz;

-- enrolments made before this take their owners' next change numbers, so devices learn of them
with numbered as (
    select e.id, e.user_id,
           u.last_change + row_number() over (partition by e.user_id order by e.created_at, e.id) as change
    from plan_enrolment e join study_user u on u.user_id = e.user_id
), taken as (
    update study_user u set last_change = n.last
    from (select user_id, max(change) as last from numbered group by user_id) n
    where u.user_id = n.user_id
)
update plan_enrolment e set change = n.change, updated_at = e.created_at
from numbered n where e.id = n.id;

alter table plan_enrolment
    alter column change set not null,
    alter column updated_at set not null;

create index plan_enrolment_sync on plan_enrolment (user_id, change);
