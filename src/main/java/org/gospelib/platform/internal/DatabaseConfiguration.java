package org.gospelib.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.platform.HostedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that decides which PostgreSQL GospeLib talks to. Collapsed, with nothing
 * configured, it runs PostgreSQL itself from jars (no installation, data under the data
 * directory); with {@code gospelib.db.url} set, the same artifact uses that server instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GospelibProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(GospelibProperties properties, EmbeddedDatabase embedded, HostedServices hosted) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gospelib");
        int size = properties.db().poolSize() > 0 ? properties.db().poolSize() : hosted.connections();
        config.setMaximumPoolSize(size);
        // an idle replica keeps two connections open, not its whole budget
        config.setMinimumIdle(Math.min(2, size));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        properties.db().externalUrl().ifPresentOrElse(url -> {
            config.setJdbcUrl(url);
            if (!properties.db().username().isBlank()) config.setUsername(properties.db().username());
            if (!properties.db().password().isBlank()) config.setPassword(properties.db().password());
            log.info("database: external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
        }, () -> {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
            log.info("database: embedded PostgreSQL, data in {}", embedded.directory());
        });
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(GospelibProperties properties) {
        if (properties.db().externalUrl().isPresent()) return EmbeddedDatabase.none();
        return EmbeddedDatabase.start(properties.dataDir().resolve("postgres"), properties.db().embeddedPort());
    }

    /** An embedded PostgreSQL server, or nothing when an external one is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres server;
        private final Path directory;

        private EmbeddedDatabase(EmbeddedPostgres server, Path directory) {
            this.server = server;
            this.directory = directory;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null, Path.of(""));
        }

        static EmbeddedDatabase start(Path directory, int port) {
            try {
                Files.createDirectories(directory);
                stopOrphanedServer(directory);
                // Spring closes the server after every bean that uses it; a JVM hook of its own
                // would stop it first and leave the outbox and the pool talking to nobody.
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "50")
                        .setServerConfig("shared_buffers", "64MB")
                        // the library starts PostgreSQL for throwaway test databases (-F, no synchronous
                        // commit); this one holds users' data, so a commit must be on disk when acknowledged
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
                if (port > 0) builder.setPort(port);
                return new EmbeddedDatabase(builder.start(), directory.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + directory, e);
            }
        }

        /**
         * A JVM killed with -9 leaves its PostgreSQL running and holding the data directory;
         * stop it (a fast shutdown, which PostgreSQL recovers from cleanly) so this start can
         * take over.
         */
        private static void stopOrphanedServer(Path directory) throws IOException {
            Path pidFile = directory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) return;
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            if (!first.matches("\\d+")) return;
            ProcessHandle.of(Long.parseLong(first))
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(orphan -> {
                        log.warn("stopping PostgreSQL {} left running by an earlier process", orphan.pid());
                        orphan.destroy();
                        try {
                            orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            orphan.destroyForcibly();
                        }
                    });
        }

        String jdbcUrl() {
            return server.getJdbcUrl("postgres", "postgres");
        }

        Path directory() {
            return directory;
        }

        @Override
        public void close() throws IOException {
            if (server != null) server.close();
        }
    }
}
