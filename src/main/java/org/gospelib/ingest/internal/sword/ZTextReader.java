package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.gospelib.scripture.Testament;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;

/**
 * Reads a compressed verse-keyed module: the zText driver for Bibles and the zCom driver for
 * commentaries, which share one layout, in both index flavours (see {@link #indexRecordSize()}).
 *
 * <p>Each testament has its own verse index whose slots follow the module's versification (see
 * {@link SlotLayout}). Entries are handed out as SWORD's raw-entry accessor returns them: decoded
 * (see {@link EntryDecoder}) with line ends normalised and trailing blanks trimmed, markup
 * untouched.
 *
 * <p>Empty slots and links (a slot pointing at the same bytes as the slot before it, which is
 * how SWORD stores merged verses and commentary entries that cover a range) are reported by
 * {@link #slotReport()}. {@link #slots()} yields every slot, as SWORD's exporter prints a Bible;
 * {@link #entries()} yields each stored entry once, under the first key of its run, as SWORD
 * iterates a commentary.
 *
 * <p>Not thread-safe: a reader keeps the last inflated block of each testament. Close it to
 * release the data files.
 */
public final class ZTextReader implements AutoCloseable {

    private static final Set<String> DRIVERS = Set.of("ztext", "ztext4", "zcom", "zcom4");

    private final SwordModule module;
    private final Versification versification;
    private final SlotLayout layout;
    private final EntryDecoder decoder;
    private final int recordSize;
    private final Map<Testament, TestamentFile> files = new EnumMap<>(Testament.class);

    private ZTextReader(SwordModule module, Versification versification, SlotLayout layout, EntryDecoder decoder,
                        int recordSize, Map<Testament, TestamentFile> files) {
        this.module = module;
        this.versification = versification;
        this.layout = layout;
        this.decoder = decoder;
        this.recordSize = recordSize;
        this.files.putAll(files);
    }

    /**
     * Opens a module's data.
     *
     * @throws SwordFormatException if the module is not zText/zCom, is enciphered, uses a
     *                              compression other than zlib, an unknown versification, or its
     *                              data directory holds no testament files
     * @throws IOException          if the files cannot be read
     */
    public static ZTextReader open(SwordModule module) throws IOException {
        SwordConf conf = module.conf();
        String driver = conf.driver().orElse("").toLowerCase(Locale.ROOT);
        if (!DRIVERS.contains(driver)) {
            throw new SwordFormatException(module.name() + ": driver " + conf.driver().orElse("(none)") + " is not zText/zCom");
        }
        if (conf.value("CipherKey").isPresent()) {
            throw new SwordFormatException(module.name() + ": enciphered modules are not supported");
        }
        String compression = conf.compressType().orElse("ZIP").toUpperCase(Locale.ROOT);
        if (!compression.equals("ZIP")) {
            throw new SwordFormatException(module.name() + ": compression " + compression + " is not supported");
        }
        Versification versification = Versification.named(conf.versification())
                .orElseThrow(() -> new SwordFormatException(module.name() + ": unknown versification " + conf.versification()));
        Path dir = conf.dataPath()
                .orElseThrow(() -> new SwordFormatException(module.name() + ": conf has no DataPath"));
        SlotLayout layout = new SlotLayout(versification);

        Map<Testament, TestamentFile.Location> locations = new EnumMap<>(Testament.class);
        for (Testament testament : Testament.values()) {
            locate(dir, testament, conf.blockType()).ifPresent(l -> locations.put(testament, l));
        }
        if (locations.isEmpty()) throw new SwordFormatException(module.name() + ": no ot/nt index files in " + dir);
        int recordSize = recordSize(module.name(), driver, locations, layout);

        Map<Testament, TestamentFile> files = new EnumMap<>(Testament.class);
        try {
            for (Testament testament : Testament.values()) {
                TestamentFile.Location location = locations.get(testament);
                files.put(testament, location == null ? TestamentFile.absent() : TestamentFile.open(location, recordSize));
            }
        } catch (IOException e) {
            for (TestamentFile file : files.values()) file.close();
            throw e;
        }
        return new ZTextReader(module, versification, layout, EntryDecoder.forConf(conf), recordSize, files);
    }

    /** SWORD names the files after the block type: ot.bzs for BOOK, ot.czs for CHAPTER, ot.vzs for VERSE. */
    private static Optional<TestamentFile.Location> locate(Path dir, Testament testament, Optional<String> blockType) {
        String prefix = testament.name().toLowerCase(Locale.ROOT);
        List<Character> letters = new ArrayList<>(List.of('b', 'c', 'v'));
        blockType.filter(b -> !b.isEmpty()).map(b -> Character.toLowerCase(b.charAt(0))).ifPresent(first -> {
            letters.remove(first);
            letters.addFirst(first);
        });
        return letters.stream().map(letter -> TestamentFile.Location.of(dir, prefix, letter))
                .filter(TestamentFile.Location::exist).findFirst();
    }

    /**
     * Verse index records are 10 bytes (zText, zCom: 16-bit entry size) or 12 bytes (zText4,
     * zCom4: 32-bit entry size). Confs are not always right about it (MHCC says zCom4 but has
     * 10-byte records), so the decision comes from the files: the size whose record count equals
     * the versification's slot count wins; failing that, the only size that divides the file
     * lengths; failing that, the driver's.
     */
    static int recordSize(String module, String driver, Map<Testament, TestamentFile.Location> locations, SlotLayout layout)
            throws IOException {
        Map<Testament, Long> lengths = new EnumMap<>(Testament.class);
        for (Map.Entry<Testament, TestamentFile.Location> e : locations.entrySet()) {
            lengths.put(e.getKey(), Files.size(e.getValue().verseIndex()));
        }
        List<Integer> exact = new ArrayList<>();
        List<Integer> dividing = new ArrayList<>();
        for (int size : new int[] {10, 12}) {
            boolean allExact = true;
            boolean allDivide = true;
            boolean anyData = false;
            for (Map.Entry<Testament, Long> e : lengths.entrySet()) {
                long length = e.getValue();
                if (length == 0) continue;
                anyData = true;
                allExact &= length == (long) layout.slotCount(e.getKey()) * size;
                allDivide &= length % size == 0;
            }
            if (anyData && allExact) exact.add(size);
            if (anyData && allDivide) dividing.add(size);
        }
        if (exact.size() == 1) return exact.getFirst();
        if (dividing.size() == 1) return dividing.getFirst();
        if (lengths.values().stream().allMatch(l -> l == 0)) return driver.endsWith("4") ? 12 : 10;
        if (dividing.isEmpty()) {
            throw new SwordFormatException(module + ": verse index length " + lengths + " fits neither 10- nor 12-byte records");
        }
        return driver.endsWith("4") ? 12 : 10;
    }

    public SwordModule module() {
        return module;
    }

    public Versification versification() {
        return versification;
    }

    /** Bytes per verse index record actually found: 10 (zText/zCom) or 12 (zText4/zCom4). */
    public int indexRecordSize() {
        return recordSize;
    }

    /**
     * Every slot in canonical order, empty ones included (with empty markup), linked ones with
     * the text they share; the module heading first, then each testament.
     *
     * @throws UncheckedIOException from the stream when data cannot be read
     */
    public Stream<SwordEntry> slots() {
        return stream(new SlotIterator(false));
    }

    /**
     * Each stored entry once, in canonical order: empty slots are skipped and a run of linked
     * slots is yielded under its first key.
     *
     * @throws UncheckedIOException from the stream when data cannot be read
     */
    public Stream<SwordEntry> entries() {
        return stream(new SlotIterator(true));
    }

    /**
     * A verse's markup; empty if the versification has no such verse or its slot is empty. Verse
     * 0 addresses the chapter-heading slot ({@code Psalms 3:0}), where SWORD keeps what precedes
     * verse 1, psalm titles included in some modules.
     */
    public Optional<String> read(VerseRef ref) throws IOException {
        return ref.verse() < 1 ? read(new EntryKey.ChapterHeading(ref.book(), ref.chapter())) : read(new EntryKey.Verse(ref));
    }

    /** A slot's markup; empty if the versification has no such key or its slot is empty. */
    public Optional<String> read(EntryKey key) throws IOException {
        Optional<SlotLayout.Position> position = positionOf(key);
        if (position.isEmpty()) return Optional.empty();
        TestamentFile file = files.get(position.get().testament());
        int slot = position.get().index();
        return file.sizeOf(slot) == 0 ? Optional.empty() : Optional.of(decoder.decode(file.bytes(slot)));
    }

    /** Empty and linked slots, worked out from the verse indexes alone (no block is inflated). */
    public SlotReport slotReport() {
        List<EntryKey> empty = new ArrayList<>();
        Map<EntryKey, EntryKey> linked = new LinkedHashMap<>();
        for (Testament testament : Testament.values()) {
            TestamentFile file = files.get(testament);
            EntryKey runStart = null;
            for (int slot = 0; slot < layout.slotCount(testament); slot++) {
                Optional<EntryKey> key = keyAt(testament, slot);
                if (key.isEmpty()) continue;
                if (file.sizeOf(slot) == 0) {
                    empty.add(key.get());
                    runStart = null;
                } else if (runStart != null && slot > 0 && file.sameEntry(slot, slot - 1)) {
                    linked.put(key.get(), runStart);
                } else {
                    runStart = key.get();
                }
            }
        }
        return new SlotReport(module.name(), layout.keyCount(), empty, linked);
    }

    /**
     * The module heading is read from the Old Testament's slot 0, or from the New Testament's
     * when a module has no Old Testament files (SWORD does the same).
     */
    private Optional<SlotLayout.Position> positionOf(EntryKey key) {
        if (key instanceof EntryKey.ModuleHeading && !files.get(Testament.OT).exists()) {
            return Optional.of(new SlotLayout.Position(Testament.NT, 0));
        }
        return layout.position(key);
    }

    private Optional<EntryKey> keyAt(Testament testament, int slot) {
        if (testament == Testament.NT && slot == 0 && !files.get(Testament.OT).exists()) {
            return Optional.of(new EntryKey.ModuleHeading());
        }
        if (testament == Testament.OT && slot == 0 && !files.get(Testament.OT).exists()) return Optional.empty();
        return layout.keyAt(testament, slot);
    }

    private static Stream<SwordEntry> stream(Iterator<SwordEntry> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /** Walks the slots of both testaments in order, yielding all or only distinct stored entries. */
    private final class SlotIterator implements Iterator<SwordEntry> {
        private final boolean distinctOnly;
        private int testament = 0;
        private int slot = -1;
        private SwordEntry next;

        SlotIterator(boolean distinctOnly) {
            this.distinctOnly = distinctOnly;
        }

        @Override
        public boolean hasNext() {
            if (next == null) next = advance();
            return next != null;
        }

        @Override
        public SwordEntry next() {
            if (!hasNext()) throw new NoSuchElementException();
            SwordEntry result = next;
            next = null;
            return result;
        }

        private SwordEntry advance() {
            Testament[] testaments = Testament.values();
            while (testament < testaments.length) {
                Testament t = testaments[testament];
                TestamentFile file = files.get(t);
                slot++;
                if (slot >= layout.slotCount(t)) {
                    testament++;
                    slot = -1;
                    continue;
                }
                Optional<EntryKey> key = keyAt(t, slot);
                if (key.isEmpty()) continue;
                long size = file.sizeOf(slot);
                if (distinctOnly && (size == 0 || (slot > 0 && file.sameEntry(slot, slot - 1)))) continue;
                try {
                    return new SwordEntry(key.get(), size == 0 ? "" : decoder.decode(file.bytes(slot)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (TestamentFile file : files.values()) {
            try {
                file.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) throw failure;
    }
}
