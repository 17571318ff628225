package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleChecksumTest {

    @Test
    void isStableAndIndependentOfWhereTheLibraryLives(@TempDir Path copy) throws IOException {
        SwordModule installed = InstalledSword.module(InstalledSword.MHCC);
        String checksum = ModuleChecksum.of(installed);
        assertThat(checksum).matches("[0-9a-f]{64}").isEqualTo(ModuleChecksum.of(installed));
        assertThat(installed.dataFiles()).hasSize(6);

        SwordModule copied = copyModule(installed, copy);
        assertThat(ModuleChecksum.of(copied)).isEqualTo(checksum);

        Path data = copied.dataFiles().getFirst();
        Files.write(data, new byte[] {0}, StandardOpenOption.APPEND);
        assertThat(ModuleChecksum.of(copied)).isNotEqualTo(checksum);
        assertThat(ModuleChecksum.of(InstalledSword.module(InstalledSword.KJV))).isNotEqualTo(checksum);
    }

    @Test
    void coversPrefixDataPathsOfDictionaries() throws IOException {
        SwordModule greek = InstalledSword.module("StrongsGreek");
        assertThat(greek.dataFiles()).extracting(p -> p.getFileName().toString())
                .containsExactly("dict.dat", "dict.idx", "dict.zdt", "dict.zdx");
        assertThat(ModuleChecksum.of(greek)).matches("[0-9a-f]{64}");
    }

    private static SwordModule copyModule(SwordModule module, Path library) throws IOException {
        Path root = InstalledSword.root();
        Path confTarget = library.resolve(root.relativize(module.confFile()));
        Files.createDirectories(confTarget.getParent());
        Files.copy(module.confFile(), confTarget);
        Path data = module.dataPath().orElseThrow();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.toList()) {
                Path target = library.resolve(root.relativize(file));
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
        return SwordLibrary.at(library).find(module.name()).orElseThrow();
    }
}
