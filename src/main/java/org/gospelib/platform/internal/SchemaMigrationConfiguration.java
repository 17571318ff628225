package org.gospelib.platform.internal;

import java.util.Arrays;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who changes the schema. Collapsed, every start migrates (one process owns its database). Split,
 * the migration runs once per release as its own step ({@code gospelib migrate}: a Kubernetes Job
 * that ArgoCD runs before the services roll), and the services only check that the schema is the
 * one their code expects ({@code gospelib.db.migrate-on-start=false}): a pod of a release whose
 * migration has not run refuses to start, instead of racing the other replicas to migrate.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrationConfiguration {

    @Bean
    FlywayMigrationStrategy schemaMigration(@Value("${gospelib.db.migrate-on-start:true}") boolean migrateOnStart) {
        return flyway -> {
            if (migrateOnStart) {
                flyway.migrate();
                return;
            }
            MigrationInfoService info = flyway.info();
            MigrationInfo[] pending = info.pending();
            if (pending.length > 0) {
                String current = info.current() == null ? "empty" : "at version " + info.current().getVersion();
                throw new IllegalStateException("the database schema is " + current + " and this release needs "
                        + Arrays.stream(pending).map(m -> String.valueOf(m.getVersion())).toList()
                        + ": run the migration first (gospelib migrate, the migrate Job)");
            }
            flyway.validate();
        };
    }
}
