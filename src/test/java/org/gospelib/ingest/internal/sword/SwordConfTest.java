package org.gospelib.ingest.internal.sword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwordConfTest {

    private static final Path ROOT = Path.of("/lib/sword");

    @Test
    void parsesSectionValuesRepeatsCommentsAndContinuations() throws IOException {
        SwordConf conf = SwordConf.parse("""
                # leading comment
                [Sample]
                  DataPath = ./modules/texts/ztext/sample/
                ModDrv=zText
                ; another comment style
                GlobalOptionFilter=OSISStrongs
                GlobalOptionFilter=OSISFootnotes
                About=First line \\
                  second line \\
                third line
                Description=A sample # not a comment
                Empty=
                """, ROOT);
        assertThat(conf.moduleName()).isEqualTo("Sample");
        assertThat(conf.dataPath()).contains(Path.of("/lib/sword/modules/texts/ztext/sample"));
        assertThat(conf.driver()).contains("zText");
        assertThat(conf.values("globaloptionfilter")).containsExactly("OSISStrongs", "OSISFootnotes");
        assertThat(conf.value("About")).contains("First line \nsecond line \nthird line");
        assertThat(conf.description()).contains("A sample # not a comment");
        assertThat(conf.value("Empty")).isEmpty();
        assertThat(conf.values("Empty")).containsExactly("");
    }

    @Test
    void appliesSwordDefaults() throws IOException {
        SwordConf conf = SwordConf.parse("[Bare]\nModDrv=zText\n", ROOT);
        assertThat(conf.versification()).isEqualTo("KJV");
        assertThat(conf.encoding()).isEqualTo(SwordConf.Encoding.LATIN_1);
        assertThat(conf.declaresEncoding()).isFalse();
        assertThat(conf.abbreviation()).isEmpty();
        assertThat(conf.language()).isEmpty();
        assertThat(conf.sourceType()).isEmpty();
        assertThat(conf.dataPath()).isEmpty();
    }

    @Test
    void rejectsTextWithoutSection() {
        assertThatThrownBy(() -> SwordConf.parse("ModDrv=zText\n", ROOT)).isInstanceOf(IOException.class);
    }

    @Test
    void readsLatin1ConfFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.conf");
        Files.write(file, "[Old]\nDescription=Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(SwordConf.read(file, dir).description()).contains("Caf\u00e9");
    }

    @Test
    void readsTheInstalledConfs() {
        SwordConf kjv = InstalledSword.module(InstalledSword.KJV).conf();
        assertThat(kjv.abbreviation()).contains("KJV");
        assertThat(kjv.driver()).contains("zText");
        assertThat(kjv.sourceType()).contains("OSIS");
        assertThat(kjv.encoding()).isEqualTo(SwordConf.Encoding.UTF_8);
        assertThat(kjv.language()).contains("en");
        assertThat(kjv.license()).contains("Public Domain");
        assertThat(kjv.compressType()).contains("ZIP");
        assertThat(kjv.blockType()).contains("BOOK");
        assertThat(kjv.category()).contains("Biblical Texts");
        assertThat(kjv.version()).contains("14.3");
        assertThat(kjv.dataPath()).contains(InstalledSword.root().resolve("modules/texts/ztext/engKJV2006eb"));

        assertThat(InstalledSword.module(InstalledSword.WEB).conf().versification()).isEqualTo("NRSVA");
        assertThat(InstalledSword.module(InstalledSword.MHCC).conf().driver()).contains("zCom4");
        SwordConf hebrew = InstalledSword.module("StrongsHebrew").conf();
        assertThat(hebrew.declaresEncoding()).isFalse();
        assertThat(hebrew.encoding()).isEqualTo(SwordConf.Encoding.LATIN_1);
        assertThat(hebrew.dataPath()).contains(InstalledSword.root().resolve("modules/lexdict/zld/strongshebrew/dict"));
    }
}
