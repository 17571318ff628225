package org.gospelib.content.internal.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerseBytesTest {

    @TempDir
    Path dir;

    @Test
    void readsRangesOfTheFileIntoAnyPlaceOfABuffer() throws IOException {
        VerseBytes.InFile file = new VerseBytes.InFile(write("{\"a\":1}{\"b\":22}{\"c\":333}"));
        assertThat(new String(file.read(7, 8), StandardCharsets.UTF_8)).isEqualTo("{\"b\":22}");
        byte[] target = "[..........]".getBytes(StandardCharsets.UTF_8);
        file.copy(0, 7, target, 2);
        assertThat(new String(target, StandardCharsets.UTF_8)).isEqualTo("[.{\"a\":1}..]");
    }

    @Test
    void anInterruptedReaderNeitherFailsNorClosesTheFileForTheOthers() throws Exception {
        VerseBytes.InFile file = new VerseBytes.InFile(write("0123456789"));
        boolean[] stillInterrupted = new boolean[1];
        String[] read = new String[1];
        Thread reader = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            read[0] = new String(file.read(2, 5), StandardCharsets.UTF_8);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        reader.join();
        assertThat(read[0]).isEqualTo("23456");
        assertThat(stillInterrupted[0]).as("the interrupt is kept for the caller").isTrue();
        assertThat(new String(file.read(0, 3), StandardCharsets.UTF_8)).isEqualTo("012");
    }

    @Test
    void aClosedChannelIsOpenedAgain() throws IOException {
        VerseBytes.InFile file = new VerseBytes.InFile(write("abcdef"));
        file.close();
        assertThat(new String(file.read(3, 3), StandardCharsets.UTF_8)).isEqualTo("def");
    }

    @Test
    void heapBytesAreHandedOutWithoutACopyWhenWhole() {
        byte[] json = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        VerseEntry entry = VerseEntry.onHeap(new org.gospelib.scripture.VerseRef("Gen", 1, 1), json);
        assertThat(entry.json()).isSameAs(json);
        assertThat(entry.length()).isEqualTo(json.length);
    }

    private Path write(String content) throws IOException {
        Path path = dir.resolve("verses.bin");
        Files.writeString(path, content);
        return path;
    }
}
