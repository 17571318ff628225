package org.gospelib.ingest.internal.sword;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

import org.gospelib.scripture.Testament;
import org.gospelib.scripture.Versification;

/**
 * Writes a small zText-layout module into a directory, for tests that need data the installed
 * modules do not have (other encodings, 12-byte indexes, links). Entries are placed by key; every
 * other slot is empty. One block per book, as BlockType=BOOK modules have.
 */
final class SyntheticModule {

    private final Map<EntryKey, byte[]> entries = new LinkedHashMap<>();
    private final Map<EntryKey, EntryKey> links = new LinkedHashMap<>();
    private int recordSize = 10;
    private String conf = "";

    SyntheticModule entry(EntryKey key, byte[] bytes) {
        entries.put(key, bytes);
        return this;
    }

    /** Makes {@code key} point at the bytes of {@code target}, which must precede it. */
    SyntheticModule link(EntryKey key, EntryKey target) {
        links.put(key, target);
        return this;
    }

    SyntheticModule recordSize(int size) {
        this.recordSize = size;
        return this;
    }

    /** Conf lines after the section and DataPath lines. */
    SyntheticModule conf(String lines) {
        this.conf = lines;
        return this;
    }

    /** Writes library/mods.d/test.conf and the data; returns the module as the library sees it. */
    SwordModule writeTo(Path library, String name) throws IOException {
        Path data = library.resolve("modules/texts/ztext/" + name.toLowerCase());
        Files.createDirectories(data);
        Files.createDirectories(library.resolve("mods.d"));
        Files.writeString(library.resolve("mods.d/" + name.toLowerCase() + ".conf"),
                "[" + name + "]\nDataPath=./modules/texts/ztext/" + name.toLowerCase() + "/\n" + conf + "\n");
        SlotLayout layout = new SlotLayout(Versification.kjv());
        for (Testament testament : Testament.values()) writeTestament(data, testament, layout);
        return SwordLibrary.at(library).find(name).orElseThrow();
    }

    private void writeTestament(Path dir, Testament testament, SlotLayout layout) throws IOException {
        String prefix = testament == Testament.OT ? "ot" : "nt";
        int slots = layout.slotCount(testament);
        ByteBuffer verseIndex = ByteBuffer.allocate(slots * recordSize).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream blockText = new ByteArrayOutputStream();
        List<byte[]> compressedBlocks = new ArrayList<>();
        List<Integer> blockSizes = new ArrayList<>();
        Map<EntryKey, int[]> placed = new LinkedHashMap<>();
        String currentBook = null;
        for (int slot = 0; slot < slots; slot++) {
            EntryKey key = layout.keyAt(testament, slot).orElse(null);
            String book = key == null ? null : bookOf(key);
            if (book != null && !book.equals(currentBook) && blockText.size() > 0) {
                flush(blockText, compressedBlocks, blockSizes);
            }
            if (book != null) currentBook = book;
            int[] record = {0, 0, 0};
            if (key != null && links.containsKey(key)) {
                record = placed.get(links.get(key));
            } else if (key != null && entries.containsKey(key)) {
                byte[] bytes = entries.get(key);
                record = new int[] {compressedBlocks.size(), blockText.size(), bytes.length};
                blockText.writeBytes(bytes);
            }
            if (key != null) placed.put(key, record);
            verseIndex.putInt(record[0]).putInt(record[1]);
            if (recordSize == 10) verseIndex.putShort((short) record[2]);
            else verseIndex.putInt(record[2]);
        }
        if (blockText.size() > 0) flush(blockText, compressedBlocks, blockSizes);
        ByteBuffer blockIndex = ByteBuffer.allocate(compressedBlocks.size() * 12).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream dataFile = new ByteArrayOutputStream();
        for (int b = 0; b < compressedBlocks.size(); b++) {
            blockIndex.putInt(dataFile.size()).putInt(compressedBlocks.get(b).length).putInt(blockSizes.get(b));
            dataFile.writeBytes(compressedBlocks.get(b));
        }
        Files.write(dir.resolve(prefix + ".bzs"), blockIndex.array());
        Files.write(dir.resolve(prefix + ".bzv"), verseIndex.array());
        Files.write(dir.resolve(prefix + ".bzz"), dataFile.toByteArray());
    }

    private static String bookOf(EntryKey key) {
        return switch (key) {
            case EntryKey.BookIntro b -> b.book();
            case EntryKey.ChapterHeading c -> c.book();
            case EntryKey.Verse v -> v.ref().book();
            default -> null;
        };
    }

    private static void flush(ByteArrayOutputStream text, List<byte[]> blocks, List<Integer> sizes) {
        byte[] raw = text.toByteArray();
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        blocks.add(out.toByteArray());
        sizes.add(raw.length);
        text.reset();
    }
}
