package org.gospelib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gospelib.backup.BackupException;
import org.gospelib.backup.BackupFiles;
import org.gospelib.backup.BackupManifest;
import org.gospelib.backup.DatabaseBackup;
import org.gospelib.ingest.CorpusIngest;
import org.gospelib.ingest.IngestMode;
import org.gospelib.ingest.IngestReport;
import org.gospelib.platform.GospelibProperties;
import org.gospelib.platform.HostedServices;
import org.gospelib.platform.ServiceSelection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The one artifact. {@code serve} runs the services (all of them in the collapsed topology, or
 * those selected by configuration when split); {@code worker} runs background jobs; {@code ingest}
 * runs the corpus ingest as a job and {@code migrate} the schema's migrations, {@code backup} and
 * {@code restore} save and write back what cannot be rebuilt, each then exiting.
 */
@SpringBootApplication
@EnableScheduling
@Command(name = "gospelib", mixinStandardHelpOptions = true, version = "GospeLib 0.1",
        subcommands = {GospelibApplication.Serve.class, GospelibApplication.Worker.class, GospelibApplication.Ingest.class,
                GospelibApplication.Migrate.class, GospelibApplication.Backup.class, GospelibApplication.Restore.class},
        description = "Read, search and study the Bible.")
public class GospelibApplication implements Runnable {

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int exit = new CommandLine(new GospelibApplication()).execute(effective);
        if (exit != 0 || !("serve".equals(effective[0]) || "worker".equals(effective[0]))) System.exit(exit);
    }

    /** The application with the selection of services, which must run before components are scanned. */
    static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GospelibApplication.class).initializers(new ServiceSelection());
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Options every command shares; each becomes a Spring property. */
    static class Common {
        @Option(names = "--data-dir", description = "Where GospeLib keeps its files (default: ./data).")
        String dataDir;

        @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL (default: embedded).")
        String dbUrl;

        @Option(names = "--sword-path", description = "SWORD library root (default: /usr/share/sword).")
        String swordPath;

        /** The options as Spring properties; any other {@code --key=value} passes through as a property. */
        List<String> springArgs(List<String> passThrough, CommandLine commandLine) {
            List<String> args = new ArrayList<>();
            for (String arg : passThrough) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new CommandLine.ParameterException(commandLine,
                            "unknown option: " + arg + " (Spring properties pass as --key=value)");
                }
                args.add(arg);
            }
            if (dataDir != null) args.add("--gospelib.data-dir=" + dataDir);
            if (dbUrl != null) args.add("--gospelib.db.url=" + dbUrl);
            if (swordPath != null) args.add("--gospelib.ingest.sword-path=" + swordPath);
            return args;
        }
    }

    /** The ports of a process that serves HTTP (for a worker, its probes). */
    static class Ports {
        @Option(names = "--port", description = "HTTP port (default: 8080).")
        Integer port;

        @Option(names = "--management-port", description = "Port of metrics and the actuator, on loopback "
                + "(default: 8081; with --port, a free port of the system's choosing, logged at start).")
        Integer managementPort;

        void addTo(List<String> args) {
            if (port != null) args.add("--server.port=" + port);
            if (managementPort != null) args.add("--management.server.port=" + managementPort);
            // processes started side by side with their own --port must not all claim 8081, nor each
            // other's ports (port + 1 is the next process's port in a row of them)
            else if (port != null) args.add("--management.server.port=0");
        }
    }

    /** A command that runs the Spring application with the shared options as properties. */
    abstract static class SpringCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Unmatched
        List<String> passThrough = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        List<String> springArgs() {
            return common.springArgs(passThrough, spec.commandLine());
        }

        /**
         * Sets a property the command itself decides, replacing any value given for it on the
         * command line: Spring would join two values of one key into a list ("false,false").
         */
        static void fix(List<String> args, String key, String value) {
            args.removeIf(a -> a.startsWith("--" + key + "="));
            args.add("--" + key + "=" + value);
        }

        /**
         * A one-off command's context: the database and the modules' beans, without the corpus in
         * memory, the indexes, ingest, jobs or Pub/Sub, and without a web server.
         */
        ConfigurableApplicationContext oneOff(List<String> args) {
            fix(args, "gospelib.ingest.on-start", "never");
            fix(args, "gospelib.content.snapshot", "false");
            fix(args, "gospelib.search.semantic.enabled", "false");
            fix(args, "gospelib.jobs.execute", "false");
            fix(args, "gospelib.pubsub.enabled", "false");
            fix(args, "gospelib.one-off-command", "true");
            return application().web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP services (collapsed: all of them on one port).")
    static class Serve extends SpringCommand {
        @CommandLine.Mixin
        Ports ports = new Ports();

        @Option(names = "--services", description = "The services this process runs: all (default, collapsed) or some of "
                + "gateway, content, identity, study, web, notifications, worker, comma-separated (also GOSPELIB_SERVICES).")
        String services;

        @Override
        public Integer call() {
            List<String> args = springArgs();
            if (services != null) args.add("--" + HostedServices.PROPERTY + "=" + HostedServices.parse(services));
            ports.addTo(args);
            application().run(args.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true,
            description = "Run background jobs (ingest included) and no HTTP API but the probes and metrics.")
    static class Worker extends SpringCommand {
        @CommandLine.Mixin
        Ports ports = new Ports();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>();
            fix(args, "gospelib.services", "worker");
            // ingest runs as a job here, queued by an operator or the Kubernetes Job, not at every start
            fix(args, "gospelib.ingest.on-start", "never");
            args.addAll(springArgs());
            ports.addTo(args);
            application().run(args.toArray(String[]::new));
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Bring the database schema to this release's version, then exit (split: once per release, before the services).")
    static class Migrate extends SpringCommand {
        @Override
        public Integer call() {
            List<String> args = springArgs();
            fix(args, "gospelib.db.migrate-on-start", "true");
            // the context's start migrates (SchemaMigrationConfiguration); nothing else is done
            try (ConfigurableApplicationContext context = oneOff(args)) {
                return 0;
            }
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Read the SWORD modules into the database, then exit.")
    static class Ingest extends SpringCommand {
        @Option(names = "--full", description = "Replace every module, even unchanged ones.")
        boolean full;

        @Override
        public Integer call() {
            List<String> args = springArgs();
            fix(args, "gospelib.ingest.on-start", "never");
            // a job has no readers: loading the content snapshot would only cost memory
            fix(args, "gospelib.content.snapshot", "false");
            try (ConfigurableApplicationContext context = application()
                    .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
                IngestReport report = context.getBean(CorpusIngest.class)
                        .run(full ? IngestMode.FULL : IngestMode.INCREMENTAL, true);
                return report.failed() ? 1 : 0;
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Save what cannot be rebuilt — accounts, study data, plans, webhooks, keys, queued work — to a file, "
                    + "from one consistent snapshot; GospeLib may keep running.")
    static class Backup extends SpringCommand {
        @CommandLine.Parameters(arity = "0..1", paramLabel = "FILE|DIR",
                description = "The file to write, or a directory to write gospelib-<UTC time>.zip into "
                        + "(default: <data-dir>/backups).")
        Path target;

        @Option(names = "--keep", paramLabel = "N",
                description = "After the backup, keep only the newest N gospelib-*.zip backups in its directory.")
        Integer keep;

        @Override
        public Integer call() {
            List<String> args = springArgs();
            // a backup reads the schema as it is; migrating is the release's business
            fix(args, "gospelib.db.migrate-on-start", "false");
            try (ConfigurableApplicationContext context = oneOff(args)) {
                Path where = target != null ? target : context.getBean(GospelibProperties.class).dataDir().resolve("backups");
                Path file = target != null && !Files.isDirectory(where) ? where
                        : where.resolve("gospelib-" + BACKUP_TIME.format(Instant.now()) + ".zip");
                BackupManifest manifest = context.getBean(DatabaseBackup.class).backUp(file);
                System.out.printf("backed up %,d rows of %d tables (schema version %s) to %s%n", manifest.rows(),
                        manifest.tables().size(), manifest.schemaVersion(), file.toAbsolutePath());
                if (keep != null) BackupFiles.keepNewest(file.toAbsolutePath().getParent(), keep);
                return 0;
            } catch (BackupException e) {
                System.err.println("gospelib backup: " + e.getMessage());
                return 1;
            }
        }
    }

    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Write a backup into the database (brought to this release's schema first), in one transaction; "
                    + "GospeLib must be stopped. The corpus is not in a backup: ingest rebuilds it.")
    static class Restore extends SpringCommand {
        @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
        Path file;

        @Option(names = "--replace", description = "Overwrite the tables the backup covers even when they hold data.")
        boolean replace;

        @Override
        public Integer call() {
            List<String> args = springArgs();
            fix(args, "gospelib.db.migrate-on-start", "true");
            // told apart from other clients, which must not be connected while the tables are rewritten
            fix(args, "gospelib.db.application-name", "gospelib-restore");
            try (ConfigurableApplicationContext context = oneOff(args)) {
                BackupManifest manifest = context.getBean(DatabaseBackup.class).restore(file, replace);
                System.out.printf("restored %,d rows of %d tables from %s (taken %s at schema version %s)%n", manifest.rows(),
                        manifest.tables().size(), file, manifest.createdAt(), manifest.schemaVersion());
                return 0;
            } catch (BackupException e) {
                System.err.println("gospelib restore: " + e.getMessage());
                return 1;
            }
        }
    }
}
