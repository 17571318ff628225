package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An installed SWORD module: its configuration and where that configuration was found.
 *
 * @param conf     the parsed configuration
 * @param confFile the {@code .conf} file it was read from
 */
public record SwordModule(SwordConf conf, Path confFile) {

    public SwordModule {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(confFile, "confFile");
    }

    /** The module's unique name. */
    public String name() {
        return conf.moduleName();
    }

    /** The data location, see {@link SwordConf#dataPath()}. */
    public Optional<Path> dataPath() {
        return conf.dataPath();
    }

    /**
     * The module's data files in a stable order (sorted by path). A directory data path
     * contributes every regular file below it; a prefix data path (dictionary drivers) the files
     * next to it whose names start with the prefix.
     *
     * @throws IOException if the data location cannot be listed
     */
    public List<Path> dataFiles() throws IOException {
        Optional<Path> data = dataPath();
        if (data.isEmpty()) return List.of();
        Path path = data.get();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                return files.filter(Files::isRegularFile).sorted().toList();
            }
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        String prefix = path.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().startsWith(prefix))
                    .sorted().toList();
        }
    }
}
