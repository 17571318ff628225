package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwordLibraryTest {

    @Test
    void listsTheInstalledModulesAndSkipsGlobals() {
        SwordLibrary library = InstalledSword.library();
        assertThat(library.modules()).extracting(SwordModule::name).contains(
                "engKJV2006eb", "engWEB2015eb", "spaRV1909eb", "MHCC", "Scofield", "TDavid",
                "StrongsGreek", "StrongsHebrew", "Nave");
        assertThat(library.skipped()).extracting(s -> s.confFile().getFileName().toString()).contains("globals.conf");
    }

    @Test
    void findsModulesIgnoringCase() {
        SwordLibrary library = InstalledSword.library();
        assertThat(library.find("ENGKJV2006EB")).map(SwordModule::name).contains("engKJV2006eb");
        assertThat(library.find("mhcc")).map(SwordModule::name).contains("MHCC");
        assertThat(library.find("nothing")).isEmpty();
    }

    @Test
    void followsASystemConfDataPath(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("sword.conf");
        Files.writeString(conf, "[Install]\nDataPath=" + InstalledSword.root() + "/\n");
        assertThat(SwordLibrary.fromSystemConf(conf)).hasValueSatisfying(l -> assertThat(l.find("MHCC")).isPresent());
        Files.writeString(conf, "[Install]\n");
        assertThat(SwordLibrary.fromSystemConf(conf)).isEmpty();
        assertThat(SwordLibrary.fromSystemConf(dir.resolve("absent.conf"))).isEmpty();
    }

    @Test
    void anEmptyDirectoryIsAnEmptyLibrary(@TempDir Path dir) throws IOException {
        assertThat(SwordLibrary.at(dir).modules()).isEmpty();
    }
}
