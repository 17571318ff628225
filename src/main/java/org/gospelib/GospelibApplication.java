package org.gospelib;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gospelib.ingest.CorpusIngest;
import org.gospelib.ingest.IngestMode;
import org.gospelib.ingest.IngestReport;
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
 * runs the corpus ingest as a job and {@code migrate} the schema's migrations, each then exiting.
 */
@SpringBootApplication
@EnableScheduling
@Command(name = "gospelib", mixinStandardHelpOptions = true, version = "GospeLib 0.1",
        subcommands = {GospelibApplication.Serve.class, GospelibApplication.Worker.class, GospelibApplication.Ingest.class,
                GospelibApplication.Migrate.class},
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
            fix(args, "gospelib.ingest.on-start", "never");
            fix(args, "gospelib.content.snapshot", "false");
            fix(args, "gospelib.search.semantic.enabled", "false");
            // the context's start migrates (SchemaMigrationConfiguration); nothing else is done
            try (ConfigurableApplicationContext context = application().web(WebApplicationType.NONE)
                    .run(args.toArray(String[]::new))) {
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
}
