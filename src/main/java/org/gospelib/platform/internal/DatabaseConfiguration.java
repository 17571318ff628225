package org.gospelib.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.platform.HostedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    HikariDataSource dataSource(GospelibProperties properties, EmbeddedDatabase embedded, HostedServices hosted,
            @Value("${gospelib.db.application-name:}") String applicationName) {
        HikariConfig config = new HikariConfig();
        // who is connected, in pg_stat_activity: the process's services (a restore refuses to run beside them)
        config.addDataSourceProperty("ApplicationName", applicationName.isBlank() ? "gospelib-" + hosted.label() : applicationName);
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
        private final Optional<FileLock> owner;
        private final String attachedUrl;

        private EmbeddedDatabase(EmbeddedPostgres server, Path directory, Optional<FileLock> owner) {
            this.server = server;
            this.directory = directory;
            this.owner = owner;
            this.attachedUrl = "";
        }

        private EmbeddedDatabase(Path directory, String attachedUrl) {
            this.server = null;
            this.directory = directory;
            this.owner = Optional.empty();
            this.attachedUrl = attachedUrl;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null, Path.of(""), Optional.empty());
        }

        /**
         * The process that runs the embedded server holds a lock on a file beside its data for as
         * long as it lives; the operating system releases it when the process ends, however it ends.
         * Empty when another live process holds it: its server is running and in use.
         */
        private static Optional<FileLock> own(Path directory) throws IOException {
            FileChannel channel = FileChannel.open(directory.resolveSibling("postgres.owner"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) return Optional.of(lock);
            } catch (OverlappingFileLockException e) {
                // this very process runs it already
            }
            channel.close();
            return Optional.empty();
        }

        /**
         * A one-off command (backup, migrate, ingest) beside a running GospeLib connects to the
         * server that process runs, at the port PostgreSQL wrote into {@code postmaster.pid},
         * rather than stopping it as an orphan.
         */
        private static EmbeddedDatabase attach(Path directory) throws IOException {
            List<String> pid = Files.exists(directory.resolve("postmaster.pid")) ? Files.readAllLines(directory.resolve("postmaster.pid"))
                    : List.of();
            if (pid.size() < 4 || !pid.get(3).strip().matches("\\d+")) {
                throw new IllegalStateException("another GospeLib process holds " + directory + " but its PostgreSQL is not up yet; "
                        + "try again in a moment");
            }
            log.info("database: the embedded PostgreSQL of the GospeLib running on {} (port {})", directory, pid.get(3).strip());
            return new EmbeddedDatabase(directory.toAbsolutePath(),
                    "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres?user=postgres");
        }

        static EmbeddedDatabase start(Path directory, int port) {
            try {
                Files.createDirectories(directory);
                Optional<FileLock> owner = own(directory);
                if (owner.isEmpty()) return attach(directory);
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
                return new EmbeddedDatabase(builder.start(), directory.toAbsolutePath(), owner);
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
            return server != null ? server.getJdbcUrl("postgres", "postgres") : attachedUrl;
        }

        Path directory() {
            return directory;
        }

        @Override
        public void close() throws IOException {
            try {
                if (server != null) server.close();
            } finally {
                if (owner.isPresent()) owner.get().channel().close();
            }
        }
    }
}
