package org.gospelib.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.gospelib.identity.Plan;
import org.gospelib.identity.PlanAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan column of {@code app_user}, which billing sets. */
@Component
class AccountPlans implements PlanAssignments {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountPlans(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> assign(UUID userId, Plan plan) {
        return jdbc.sql("update app_user set plan = ?, updated_at = ? where id = ? returning coalesce(external_id, id::text)")
                .params(plan.claim(), Timestamp.from(clock.instant()), userId).query(String.class).optional();
    }
}
