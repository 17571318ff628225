package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SWORD library: a root directory holding {@code mods.d/*.conf} files and the module data
 * they point to ({@code /usr/share/sword} for the Debian packages).
 *
 * <p>A conf file that cannot be parsed, or that names no driver (such as {@code globals.conf}),
 * is not a module; such files are listed by {@link #skipped()} rather than failing the library.
 */
public final class SwordLibrary {

    /** A file in {@code mods.d} that is not a usable module, and why. */
    public record Skipped(Path confFile, String reason) {
    }

    private final Path root;
    private final List<SwordModule> modules;
    private final List<Skipped> skipped;

    private SwordLibrary(Path root, List<SwordModule> modules, List<Skipped> skipped) {
        this.root = root;
        this.modules = List.copyOf(modules);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Opens the library rooted at a directory.
     *
     * @throws IOException if {@code mods.d} exists but cannot be listed
     */
    public static SwordLibrary at(Path root) throws IOException {
        Path modsD = root.resolve("mods.d");
        List<SwordModule> modules = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (Files.isDirectory(modsD)) {
            List<Path> confs;
            try (Stream<Path> files = Files.list(modsD)) {
                confs = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".conf"))
                        .filter(Files::isRegularFile).sorted().toList();
            }
            for (Path conf : confs) {
                try {
                    SwordConf parsed = SwordConf.read(conf, root);
                    if (parsed.driver().isEmpty()) skipped.add(new Skipped(conf, "no ModDrv"));
                    else modules.add(new SwordModule(parsed, conf));
                } catch (IOException e) {
                    skipped.add(new Skipped(conf, String.valueOf(e.getMessage())));
                }
            }
        }
        modules.sort(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)));
        return new SwordLibrary(root, modules, skipped);
    }

    /**
     * Opens the library a system configuration file such as {@code /etc/sword.conf} points to
     * with its {@code [Install] DataPath=} line; empty when the file or the line is absent.
     *
     * @throws IOException if the file exists but cannot be read, or the library cannot be listed
     */
    public static Optional<SwordLibrary> fromSystemConf(Path swordConf) throws IOException {
        if (!Files.isRegularFile(swordConf)) return Optional.empty();
        Optional<Path> dataPath = SwordConf.read(swordConf, swordConf.getParent()).value("DataPath")
                .map(p -> swordConf.toAbsolutePath().getParent().resolve(p).normalize());
        return dataPath.isPresent() ? Optional.of(at(dataPath.get())) : Optional.empty();
    }

    public Path root() {
        return root;
    }

    /** The installed modules, sorted by name. */
    public List<SwordModule> modules() {
        return modules;
    }

    /** Conf files that are not modules. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** A module by name, ignoring case ({@code kjv}, {@code KJV}). */
    public Optional<SwordModule> find(String name) {
        return modules.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
    }
}
