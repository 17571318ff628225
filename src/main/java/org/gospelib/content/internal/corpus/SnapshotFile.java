package org.gospelib.content.internal.corpus;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.gospelib.content.TranslationInfo;
import java.util.stream.Stream;
import org.gospelib.content.internal.graph.GraphFormat;
import org.gospelib.content.internal.graph.ScriptureGraph;
import org.gospelib.ingest.VerseContentJson;
import org.gospelib.scripture.VerseRef;
import org.gospelib.scripture.Versification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the decoded corpus on local disk, so that a restart reads one file instead of
 * decoding every verse again. It is only a cache of PostgreSQL: it is used when it was written
 * for the very content the database holds (the same content key: the same modules, stored by
 * the same parsers, whatever the corpus's version number) by the very code that would decode it
 * now (a digest of the classes that shape it), and its checksum
 * holds; otherwise it is ignored and replaced. Written to a temporary file and renamed into
 * place, so a crash leaves either the old file or the new one.
 */
public final class SnapshotFile {

    private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);
    private static final int MAGIC = 0x47534e50; // "GSNP"
    private static final String NAME_PREFIX = "corpus-";
    private static final String NAME_SUFFIX = ".snapshot";

    /** Classes whose code decides what is kept: a change to any of them makes old files useless. */
    private static final List<Class<?>> SHAPED_BY = Stream.concat(Stream.of(SnapshotFile.class,
            SnapshotLoader.class, ApiModel.class, RenderingsCollector.class, CrossReferenceCollector.class,
            ReferenceWorksLoader.class, VerseContentJson.class, VerseEntry.class, BookInfo.class, ReferenceWorks.class,
            Commentaries.class, GraphAssembler.class), GraphFormat.SHAPED_BY.stream()).toList();

    private final Path directory;
    private final String codeDigest;

    public SnapshotFile(Path directory) {
        this.directory = directory;
        this.codeDigest = codeDigest();
    }

    /**
     * The corpus whose content key is {@code contentKey}, if a valid file of it exists, as the
     * stored corpus's {@code version} (the file holds content, whatever version it had when
     * written). Each translation, the
     * reference works and the scripture graph are a section of their own, checksummed apart and
     * decoded in parallel from the memory-mapped file.
     */
    public Optional<CorpusSnapshot> read(String contentKey, long version) {
        return read(contentKey, version, Optional.empty());
    }

    /**
     * The file's verses, with the reference works the caller holds and no graph: a load from the
     * database writes the verses first with an empty graph, reads them back (the works it has
     * already) and writes the graph in their place once built. Only that load reads a file whose
     * graph is not there yet.
     */
    public Optional<CorpusSnapshot> readBeforeItsGraph(String contentKey, long version, ReferenceWorks works) {
        return read(contentKey, version, Optional.of(works));
    }

    private Optional<CorpusSnapshot> read(String contentKey, long version, Optional<ReferenceWorks> worksHeld) {
        boolean complete = worksHeld.isEmpty();
        Path file = fileFor(contentKey);
        if (!Files.isRegularFile(file)) return Optional.empty();
        // mapped only while it is decoded: closing the arena unmaps it, so the pages read here do
        // not stay in the process's resident set; verses are read later by pread (VerseBytes.InFile)
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofShared()) {
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena).asByteBuffer();
            ByteReader header = new ByteReader(mapped.duplicate());
            if (header.readInt() != MAGIC || !readString(header).equals(codeDigest) || !readString(header).equals(contentKey)) {
                return Optional.empty();
            }
            String worksKey = readString(header);
            ByteReader footer = new ByteReader(mapped.duplicate().position((int) mapped.getLong(mapped.limit() - 8)));
            int sections = footer.readInt();
            if (sections < 2 || sections > 1_000) throw new IOException("bad section count " + sections);
            List<ByteReader> bodies = new ArrayList<>(sections);
            List<Long> checksums = new ArrayList<>(sections);
            List<Integer> offsets = new ArrayList<>(sections);
            for (int i = 0; i < sections; i++) {
                int offset = (int) footer.readLong();
                int length = (int) footer.readLong();
                offsets.add(offset);
                bodies.add(new ByteReader(mapped.slice(offset, length)));
                checksums.add(footer.readLong());
            }
            if (complete) {
                // the graph is served from the file itself: its section gets a mapping of its own,
                // released with the graph (when the collector finds it unreachable), not with this read
                ByteBuffer graphSection = channel.map(FileChannel.MapMode.READ_ONLY, offsets.get(sections - 1),
                        bodies.get(sections - 1).buffer().remaining(), Arena.ofAuto()).asByteBuffer();
                bodies.set(sections - 1, new ByteReader(graphSection));
            }
            VerseBytes.InFile verses = new VerseBytes.InFile(file);
            long[] millis = new long[sections * 2];
            List<Object> decoded = java.util.stream.IntStream.range(0, sections).parallel().mapToObj(i -> {
                long start = System.nanoTime();
                ByteReader body = bodies.get(i);
                CRC32C crc = new CRC32C();
                crc.update(body.buffer().duplicate());
                if (crc.getValue() != checksums.get(i)) throw new IllegalStateException("checksum mismatch in section " + i);
                long checked = System.nanoTime();
                try {
                    if (i >= sections - 2 && !complete) return i == sections - 2 ? worksHeld.get() : ScriptureGraph.EMPTY;
                    Object section = i < sections - 2 ? readTranslation(body, verses, offsets.get(i))
                            : i == sections - 2 ? readWorks(body) : GraphFormat.readInPlace(body.buffer());
                    if (body.buffer().hasRemaining()) throw new IllegalStateException("trailing bytes in section " + i);
                    millis[2 * i] = (checked - start) / 1_000_000;
                    millis[2 * i + 1] = (System.nanoTime() - checked) / 1_000_000;
                    return section;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            List<TranslationSnapshot> translations = new ArrayList<>();
            for (int i = 0; i < sections - 2; i++) translations.add((TranslationSnapshot) decoded.get(i));
            ReferenceWorks works = (ReferenceWorks) decoded.get(sections - 2);
            ScriptureGraph graph = (ScriptureGraph) decoded.get(sections - 1);
            if (complete && graph.edgeCount() == 0 && !translations.isEmpty()) {
                // the process stopped between writing the verses and writing their graph: not a whole corpus
                log.warn("ignoring snapshot file {}: its graph was never written", file);
                return Optional.empty();
            }
            log.info("snapshot file {}: {} sections; checksum and decoding ms per section {}", file.getFileName(), sections,
                    java.util.Arrays.toString(millis));
            return Optional.of(new CorpusSnapshot(version, contentKey, worksKey, translations, works, graph));
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring snapshot file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Writes the snapshot of the corpus whose content key is {@code contentKey}, replacing any older snapshot file;
     * false if it could not. Failures are logged: the file is a cache, and the corpus can be
     * served from the heap without it.
     */
    public boolean write(String contentKey, CorpusSnapshot snapshot) {
        try (Writer writer = writer(contentKey, snapshot.worksKey())) {
            for (TranslationSnapshot t : snapshot.translations()) writer.translation(t);
            writer.works(snapshot.referenceWorks());
            writer.graph(snapshot.graph());
            writer.commit();
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the snapshot file {}: {}", fileFor(contentKey), e.toString());
            return false;
        }
    }

    /**
     * A snapshot file written a section at a time, so that a load need not hold every translation
     * at once: translations, then the reference works, then the graph, then {@link Writer#commit}.
     * Closed without a commit, it leaves no file.
     */
    public Writer writer(String contentKey, String worksKey) throws IOException {
        return new Writer(contentKey, worksKey);
    }

    public final class Writer implements AutoCloseable {
        private final Path file;
        private final Path temporary;
        private final CRC32C crc = new CRC32C();
        private final List<long[]> sections = new ArrayList<>();
        private final DataOutputStream out;
        private boolean committed;

        private Writer(String contentKey, String worksKey) throws IOException {
            this.file = fileFor(contentKey);
            this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.createDirectories(directory);
            this.out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16), crc));
            out.writeInt(MAGIC);
            writeString(out, codeDigest);
            writeString(out, contentKey);
            writeString(out, worksKey);
        }

        void translation(TranslationSnapshot t) throws IOException {
            long offset = start();
            writeTranslation(out, t);
            end(offset);
        }

        void works(ReferenceWorks works) throws IOException {
            long offset = start();
            writeWorks(out, works);
            end(offset);
        }

        void graph(ScriptureGraph graph) throws IOException {
            long offset = start();
            GraphFormat.write(graph, out);
            end(offset);
        }

        private long start() {
            crc.reset();
            return out.size();
        }

        private void end(long offset) {
            sections.add(new long[] {offset, out.size() - offset, crc.getValue()});
        }

        /** Writes the table of sections and puts the file in place of any older one. */
        void commit() throws IOException {
            long footer = out.size();
            // DataOutputStream counts in an int and stops at its maximum: offsets beyond it would be wrong
            if (footer == Integer.MAX_VALUE) throw new IOException("the corpus is too large for one snapshot file");
            out.writeInt(sections.size());
            for (long[] section : sections) for (long v : section) out.writeLong(v);
            out.writeLong(footer);
            out.close();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            committed = true;
            deleteAllBut(file);
        }

        @Override
        public void close() throws IOException {
            if (committed) return;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Replaces the graph section of the file written for {@code contentKey}, in place, and gives
     * the graph back served from the file: the sections before it (the verses, which a served
     * snapshot may be reading) are left as they are; the graph section and the table of sections
     * after it are written again. Only a file whose graph was never written is changed: no reader
     * maps the graph of such a file (it is not a whole corpus), so nothing mapped is cut short.
     * A crash half way leaves a file whose table does not check, which is ignored and replaced
     * like any damaged file. Empty if it could not be done (logged).
     */
    public Optional<ScriptureGraph> replaceGraph(String contentKey, ScriptureGraph graph) {
        Path file = fileFor(contentKey);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer last = ByteBuffer.allocate(8);
            channel.read(last, size - 8);
            long footer = last.flip().getLong();
            if (footer <= 0 || footer >= size - 8) throw new IOException("bad table offset " + footer);
            ByteBuffer table = ByteBuffer.allocate((int) (size - footer));
            channel.read(table, footer);
            table.flip();
            int sections = table.getInt();
            if (sections < 2 || sections > 1_000) throw new IOException("bad section count " + sections);
            long[][] entries = new long[sections][3];
            for (long[] entry : entries) for (int i = 0; i < 3; i++) entry[i] = table.getLong();
            if (entries[sections - 1][1] != EMPTY_GRAPH_BYTES) throw new IOException("its graph was written already");
            long offset = entries[sections - 1][0];
            channel.truncate(offset);
            channel.position(offset);
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16), crc));
            GraphFormat.write(graph, out);
            out.flush();
            long length = out.size();
            entries[sections - 1] = new long[] {offset, length, crc.getValue()};
            ByteBuffer newTable = ByteBuffer.allocate(4 + 24 * sections + 8);
            newTable.putInt(sections);
            for (long[] entry : entries) for (long v : entry) newTable.putLong(v);
            newTable.putLong(offset + length);
            channel.write(newTable.flip(), offset + length);
            channel.force(true);
            ByteBuffer written = channel.map(FileChannel.MapMode.READ_ONLY, offset, length, Arena.ofAuto()).asByteBuffer();
            CRC32C check = new CRC32C();
            check.update(written.duplicate());
            if (check.getValue() != crc.getValue()) throw new IOException("the graph written does not read back");
            return Optional.of(GraphFormat.readInPlace(written));
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the graph into the snapshot file {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** The length of {@link ScriptureGraph#EMPTY} in a file: the graph section of a file whose graph is not written yet. */
    private static final long EMPTY_GRAPH_BYTES = emptyGraphBytes();

    private static long emptyGraphBytes() {
        try {
            DataOutputStream out = new DataOutputStream(java.io.OutputStream.nullOutputStream());
            GraphFormat.write(ScriptureGraph.EMPTY, out);
            return out.size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the primitives the writer wrote, from a buffer (big-endian, as DataOutputStream writes). */
    private record ByteReader(ByteBuffer buffer) {
        int readInt() {
            return buffer.getInt();
        }

        long readLong() {
            return buffer.getLong();
        }

        short readShort() {
            return buffer.getShort();
        }

        void readFully(byte[] bytes) {
            buffer.get(bytes);
        }
    }

    public Path fileFor(String contentKey) {
        return directory.resolve(NAME_PREFIX + contentKey.replaceAll("[^0-9A-Za-z-]", "_") + NAME_SUFFIX);
    }

    private void deleteAllBut(Path keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, NAME_PREFIX + "*")) {
            for (Path f : files) if (!f.equals(keep)) Files.deleteIfExists(f);
        }
    }

    // ---- the format: counts before lists, strings as UTF-8 with their length, -1 for absent

    private static void writeWorks(DataOutputStream out, ReferenceWorks works) throws IOException {
        out.writeInt(works.topics().size());
        for (ReferenceWorks.Topic topic : works.topics()) {
            writeString(out, topic.id());
            writeString(out, topic.name());
            out.writeInt(topic.headings().size());
            for (ReferenceWorks.Heading h : topic.headings()) {
                writeString(out, h.heading());
                writeInts(out, h.verses());
            }
            writeStrings(out, topic.related());
        }
        // maps are written in key order, so that the same corpus always makes the same file
        out.writeInt(works.lemmas().size());
        for (ReferenceWorks.Lemma l : works.lemmas().stream().sorted(java.util.Comparator.comparing(ReferenceWorks.Lemma::id)).toList()) {
            for (String s : new String[] {l.id(), l.lemma(), l.transliteration(), l.pronunciation(), l.definition()}) writeString(out, s);
            writeStrings(out, l.links());
        }
        out.writeInt(works.renderings().size());
        for (var byTranslation : new java.util.TreeMap<>(works.renderings()).entrySet()) {
            writeString(out, byTranslation.getKey());
            out.writeInt(byTranslation.getValue().size());
            for (var lemma : new java.util.TreeMap<>(byTranslation.getValue()).entrySet()) {
                writeString(out, lemma.getKey());
                out.writeInt(lemma.getValue().words().size());
                for (var w : new java.util.TreeMap<>(lemma.getValue().words()).entrySet()) {
                    writeString(out, w.getKey());
                    out.writeInt(w.getValue());
                }
                writeInts(out, lemma.getValue().verses());
            }
        }
        List<Commentaries.Entry> entries = works.commentaries().all();
        out.writeInt(entries.size());
        for (Commentaries.Entry e : entries) {
            writeString(out, e.module());
            out.writeInt(e.position());
            out.writeInt(e.start());
            out.writeInt(e.end());
            writeString(out, e.title());
            writeString(out, e.text());
            writeStrings(out, e.cites());
        }
    }

    private static ReferenceWorks readWorks(ByteReader in) throws IOException {
        int topicCount = in.readInt();
        List<ReferenceWorks.Topic> topics = new ArrayList<>(topicCount);
        for (int i = 0; i < topicCount; i++) {
            String id = readString(in);
            String name = readString(in);
            int headingCount = in.readInt();
            List<ReferenceWorks.Heading> headings = new ArrayList<>(headingCount);
            for (int h = 0; h < headingCount; h++) headings.add(new ReferenceWorks.Heading(readString(in), readInts(in)));
            topics.add(new ReferenceWorks.Topic(id, name, headings, readStrings(in)));
        }
        int lemmaCount = in.readInt();
        Map<String, ReferenceWorks.Lemma> lemmas = new HashMap<>(lemmaCount * 2);
        for (int i = 0; i < lemmaCount; i++) {
            ReferenceWorks.Lemma l = new ReferenceWorks.Lemma(readString(in), readString(in), readString(in), readString(in),
                    readString(in), readStrings(in));
            lemmas.put(l.id(), l);
        }
        int renderingTranslations = in.readInt();
        Map<String, Map<String, ReferenceWorks.Renderings>> renderings = new HashMap<>();
        for (int i = 0; i < renderingTranslations; i++) {
            String translation = readString(in);
            int count = in.readInt();
            Map<String, ReferenceWorks.Renderings> byLemma = new HashMap<>(count * 2);
            for (int j = 0; j < count; j++) {
                String lemma = readString(in);
                int words = in.readInt();
                Map<String, Integer> counts = new HashMap<>(words * 2);
                for (int w = 0; w < words; w++) counts.put(readString(in), in.readInt());
                byLemma.put(lemma, new ReferenceWorks.Renderings(Map.copyOf(counts), readInts(in)));
            }
            renderings.put(translation, byLemma);
        }
        int entryCount = in.readInt();
        List<Commentaries.Entry> entries = new ArrayList<>(entryCount);
        for (int i = 0; i < entryCount; i++) {
            entries.add(new Commentaries.Entry(readString(in), in.readInt(), in.readInt(), in.readInt(), readString(in),
                    readString(in), readStrings(in)));
        }
        return new ReferenceWorks(topics, lemmas, renderings, new Commentaries(entries));
    }

    /**
     * A translation: its description and books, an index of its verses (reference and JSON length),
     * its alignment on KJV numbering and content digest, then the verses' JSON back to back, which
     * is read in place and never decoded at load.
     */
    private static void writeTranslation(DataOutputStream out, TranslationSnapshot t) throws IOException {
        TranslationInfo info = t.info();
        for (String s : new String[] {info.id(), info.name(), info.language(), info.license(), info.versification()}) writeString(out, s);
        out.writeInt(info.verseCount());
        out.writeInt(t.books().size());
        for (BookInfo b : t.books()) {
            for (String s : new String[] {b.osisId(), b.name(), b.longName(), b.abbreviation(), b.testament()}) writeString(out, s);
            out.writeInt(b.chapterCount());
            out.writeInt(b.verseCount());
            writeInts(out, b.versesPerChapter().stream().mapToInt(Integer::intValue).toArray());
        }
        List<VerseRef> refs = t.byNativeRef().keySet().stream().sorted().toList();
        Map<VerseRef, Integer> index = new HashMap<>(refs.size() * 2);
        out.writeInt(refs.size());
        for (VerseRef ref : refs) {
            index.put(ref, index.size());
            writeString(out, ref.book());
            out.writeShort(ref.chapter());
            out.writeShort(ref.verse());
            out.writeInt(t.byNativeRef().get(ref).length());
        }
        VerseEntry[] byKjv = t.byKjvOrdinal();
        out.writeInt(byKjv.length);
        for (VerseEntry e : byKjv) out.writeInt(e == null ? -1 : index.get(e.nativeRef()));
        writeString(out, t.contentDigest());
        for (VerseRef ref : refs) out.write(t.byNativeRef().get(ref).json());
    }

    private static TranslationSnapshot readTranslation(ByteReader in, VerseBytes.InFile file, long sectionOffset)
            throws IOException {
        TranslationInfo info = new TranslationInfo(readString(in), readString(in), readString(in), readString(in),
                readString(in), in.readInt());
        int bookCount = in.readInt();
        List<BookInfo> books = new ArrayList<>(bookCount);
        for (int i = 0; i < bookCount; i++) {
            String osis = readString(in);
            String name = readString(in);
            String longName = readString(in);
            String abbreviation = readString(in);
            String testament = readString(in);
            int chapters = in.readInt();
            int verses = in.readInt();
            int[] perChapter = readInts(in);
            books.add(new BookInfo(osis, name, longName, abbreviation, testament, chapters, verses,
                    java.util.Arrays.stream(perChapter).boxed().toList()));
        }
        int verseCount = readCount(in);
        VerseRef[] refs = new VerseRef[verseCount];
        int[] lengths = new int[verseCount];
        Map<String, String> bookIds = new HashMap<>();
        for (int i = 0; i < verseCount; i++) {
            String book = bookIds.computeIfAbsent(readString(in), b -> b);
            refs[i] = new VerseRef(book, in.readShort(), in.readShort());
            lengths[i] = in.readInt();
            if (lengths[i] < 0) throw new IOException("bad verse length " + lengths[i]);
        }
        int kjvCount = in.readInt();
        if (kjvCount != Versification.kjv().verseTotal()) throw new IOException("written for another KJV verse count");
        int[] kjvIndex = new int[kjvCount];
        for (int i = 0; i < kjvCount; i++) kjvIndex[i] = in.readInt();
        String digest = readString(in);
        long at = sectionOffset + in.buffer().position();
        VerseEntry[] entries = new VerseEntry[verseCount];
        Map<VerseRef, VerseEntry> byNative = new LinkedHashMap<>(verseCount * 2);
        for (int i = 0; i < verseCount; i++) {
            entries[i] = new VerseEntry(refs[i], file, at, lengths[i]);
            byNative.put(refs[i], entries[i]);
            at += lengths[i];
        }
        int blob = (int) (at - sectionOffset - in.buffer().position());
        if (blob > in.buffer().remaining()) throw new EOFException("verses beyond the section's end");
        in.buffer().position(in.buffer().position() + blob);
        VerseEntry[] byKjv = new VerseEntry[kjvCount];
        for (int i = 0; i < kjvCount; i++) {
            if (kjvIndex[i] >= verseCount) throw new IOException("bad verse index " + kjvIndex[i]);
            byKjv[i] = kjvIndex[i] < 0 ? null : entries[kjvIndex[i]];
        }
        return new TranslationSnapshot(info, books, byKjv, byNative, digest);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteReader in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) throw new IOException("bad string length " + length);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) writeString(out, s);
    }

    private static List<String> readStrings(ByteReader in) throws IOException {
        int n = readCount(in);
        List<String> strings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) strings.add(readString(in));
        return List.copyOf(strings);
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) out.writeInt(v);
    }

    private static int[] readInts(ByteReader in) throws IOException {
        int[] values = new int[readCount(in)];
        for (int i = 0; i < values.length; i++) values[i] = in.readInt();
        return values;
    }

    private static int readCount(ByteReader in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 16 << 20) throw new EOFException("bad count " + n);
        return n;
    }

    /** A digest of the bytecode of the classes that decide what a snapshot holds. */
    private static String codeDigest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Class<?>> classes = new ArrayList<>(SHAPED_BY);
            for (Class<?> c : SHAPED_BY) classes.addAll(List.of(c.getDeclaredClasses()));
            for (Class<?> c : classes) {
                String resource = c.getName().substring(c.getPackageName().length() + 1) + ".class";
                try (InputStream bytes = c.getResourceAsStream(resource)) {
                    if (bytes != null) sha.update(bytes.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
