package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a compressed lexicon or dictionary module (SWORD's zLD driver). The data path is a file
 * prefix ({@code …/strongsgreek/dict}) naming four files, all integers little-endian uint32:
 *
 * <ul>
 * <li>{@code .idx}, key index, sorted by key: per key the offset and size of its record in
 * {@code .dat};</li>
 * <li>{@code .dat}, key records: the key text, {@code \r\n}, then either the entry's block number
 * and entry number within the block, or {@code @LINK <other key>} for an alias;</li>
 * <li>{@code .zdx}, block index: per block the offset and size of its zlib stream in
 * {@code .zdt};</li>
 * <li>{@code .zdt}, blocks: each inflates to an entry count, then per entry an offset and size
 * within the inflated block, then the entries' texts, each NUL-terminated (the size counts the
 * NUL).</li>
 * </ul>
 *
 * Entries are handed out as SWORD's raw-entry accessor returns them: decoded with the module's
 * charset (see {@link EntryDecoder}), line ends normalised, markup untouched; a link yields the
 * text of the entry it points to. The key index and the compressed blocks are read into memory
 * when the reader is opened (zLD modules are a few megabytes at most), so there is nothing to
 * close; inflated blocks are cached a few at a time. Safe for use from several threads.
 */
public final class ZLdReader {

    /** Inflated blocks kept; reading in key order needs one, random look-ups profit from a few. */
    private static final int CACHED_BLOCKS = 8;
    private static final byte[] LINK = "@LINK".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern STRONGS_KEY = Pattern.compile("([GgHh]?)0*(\\d{1,5})");

    private final SwordModule module;
    private final EntryDecoder decoder;
    private final String[] keys;
    /** Per key the entry it reads: block number and entry number, after links are resolved. */
    private final int[] blockOf;
    private final int[] entryOf;
    private final Map<String, Integer> keyIndex;
    private final long[] blockOffset;
    private final int[] blockSize;
    private final byte[] blocks;
    private final Optional<Character> strongsPrefix;
    private final boolean strongsPadding;
    private final Map<Integer, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private ZLdReader(SwordModule module, EntryDecoder decoder, String[] keys, int[] blockOf, int[] entryOf,
                      Map<String, Integer> keyIndex, long[] blockOffset, int[] blockSize, byte[] blocks) {
        this.module = module;
        this.decoder = decoder;
        this.keys = keys;
        this.blockOf = blockOf;
        this.entryOf = entryOf;
        this.keyIndex = keyIndex;
        this.blockOffset = blockOffset;
        this.blockSize = blockSize;
        this.blocks = blocks;
        SwordConf conf = module.conf();
        // SWORD pads numeric look-up keys to five digits unless a module opts out.
        this.strongsPadding = !conf.value("StrongsPadding").orElse("true").equalsIgnoreCase("false");
        this.strongsPrefix = conf.values("Feature").stream()
                .map(f -> f.equalsIgnoreCase("GreekDef") ? Optional.of('G') : f.equalsIgnoreCase("HebrewDef") ? Optional.of('H') : Optional.<Character>empty())
                .flatMap(Optional::stream).findFirst();
    }

    /**
     * Opens a module's data.
     *
     * @throws SwordFormatException if the module is not zLD, is enciphered, uses a compression
     *                              other than zlib, or its files do not have the zLD layout
     * @throws IOException          if the files cannot be read
     */
    public static ZLdReader open(SwordModule module) throws IOException {
        SwordConf conf = module.conf();
        String driver = conf.driver().orElse("");
        if (!driver.equalsIgnoreCase("zLD")) {
            throw new SwordFormatException(module.name() + ": driver " + (driver.isEmpty() ? "(none)" : driver) + " is not zLD");
        }
        if (conf.value("CipherKey").isPresent()) {
            throw new SwordFormatException(module.name() + ": enciphered modules are not supported");
        }
        String compression = conf.compressType().orElse("ZIP").toUpperCase(Locale.ROOT);
        if (!compression.equals("ZIP")) {
            throw new SwordFormatException(module.name() + ": compression " + compression + " is not supported");
        }
        Path prefix = conf.dataPath().orElseThrow(() -> new SwordFormatException(module.name() + ": conf has no DataPath"));
        ByteBuffer idx = read(prefix, ".idx");
        byte[] dat = read(prefix, ".dat").array();
        ByteBuffer zdx = read(prefix, ".zdx");
        byte[] zdt = read(prefix, ".zdt").array();
        EntryDecoder decoder = EntryDecoder.forConf(conf);

        if (idx.capacity() % 8 != 0) throw new SwordFormatException(module.name() + ": .idx length is not a multiple of 8");
        if (zdx.capacity() % 8 != 0) throw new SwordFormatException(module.name() + ": .zdx length is not a multiple of 8");
        int blockCount = zdx.capacity() / 8;
        long[] blockOffset = new long[blockCount];
        int[] blockSize = new int[blockCount];
        for (int b = 0; b < blockCount; b++) {
            blockOffset[b] = Integer.toUnsignedLong(zdx.getInt(b * 8));
            blockSize[b] = zdx.getInt(b * 8 + 4);
            if (blockSize[b] < 0 || blockOffset[b] + blockSize[b] > zdt.length) {
                throw new SwordFormatException(module.name() + ": block " + b + " lies outside .zdt");
            }
        }

        int count = idx.capacity() / 8;
        String[] keys = new String[count];
        int[] blockOf = new int[count];
        int[] entryOf = new int[count];
        String[] linkTargets = new String[count];
        Map<String, Integer> keyIndex = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long start = Integer.toUnsignedLong(idx.getInt(i * 8));
            long size = Integer.toUnsignedLong(idx.getInt(i * 8 + 4));
            if (start + size > dat.length) throw new SwordFormatException(module.name() + ": key " + i + " lies outside .dat");
            Record record = Record.parse(module.name(), i, dat, (int) start, (int) size, decoder);
            keys[i] = record.key;
            blockOf[i] = record.block;
            entryOf[i] = record.entry;
            linkTargets[i] = record.linkTarget;
            // SWORD's binary search lands on one of several equal keys; the first is as good.
            keyIndex.putIfAbsent(record.key, i);
        }
        ZLdReader reader = new ZLdReader(module, decoder, keys, blockOf, entryOf, keyIndex, blockOffset, blockSize, zdt);
        reader.resolveLinks(linkTargets);
        return reader;
    }

    private static ByteBuffer read(Path prefix, String extension) throws IOException {
        Path file = prefix.resolveSibling(prefix.getFileName() + extension);
        if (!Files.isRegularFile(file)) throw new SwordFormatException("missing zLD file " + file);
        return ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** One {@code .dat} record: a key and where its text is, or which key it is an alias of. */
    private record Record(String key, int block, int entry, String linkTarget) {

        static Record parse(String module, int index, byte[] dat, int start, int size, EntryDecoder decoder)
                throws SwordFormatException {
            int end = start + size;
            int lf = start;
            while (lf < end && dat[lf] != '\n') lf++;
            if (lf >= end) throw new SwordFormatException(module + ": key record " + index + " has no line end");
            // Keys end in CRLF as SWORD writes them; a bare LF is accepted as SWORD's reader does.
            int keyEnd = lf > start && dat[lf - 1] == '\r' ? lf - 1 : lf;
            String key = decoder.charset(Arrays.copyOfRange(dat, start, keyEnd));
            int rest = lf + 1;
            if (end - rest >= LINK.length && Arrays.equals(dat, rest, rest + LINK.length, LINK, 0, LINK.length)) {
                int targetEnd = rest + LINK.length;
                while (targetEnd < end && dat[targetEnd] != '\n' && dat[targetEnd] != '\r' && dat[targetEnd] != 0) targetEnd++;
                String target = decoder.charset(Arrays.copyOfRange(dat, rest + LINK.length, targetEnd)).strip();
                return new Record(key, -1, -1, target);
            }
            if (end - rest < 8) throw new SwordFormatException(module + ": key record " + index + " (" + key + ") is truncated");
            ByteBuffer numbers = ByteBuffer.wrap(dat, rest, 8).order(ByteOrder.LITTLE_ENDIAN);
            return new Record(key, numbers.getInt(), numbers.getInt(), null);
        }
    }

    /** Points every alias at the entry its chain of links ends in. */
    private void resolveLinks(String[] linkTargets) throws SwordFormatException {
        for (int i = 0; i < keys.length; i++) {
            if (linkTargets[i] == null) continue;
            String alias = keys[i];
            int at = i;
            for (int hops = 0; linkTargets[at] != null; hops++) {
                String target = linkTargets[at];
                if (hops > keys.length) throw new SwordFormatException(module.name() + ": links from " + alias + " form a cycle");
                int next = indexOf(target).orElseThrow(() -> new SwordFormatException(
                        module.name() + ": " + alias + " links to missing key " + target));
                at = next;
            }
            blockOf[i] = blockOf[at];
            entryOf[i] = entryOf[at];
        }
    }

    public SwordModule module() {
        return module;
    }

    /** How many keys the index holds, aliases and repeated keys included. */
    public int size() {
        return keys.length;
    }

    /**
     * Every key with its text, in the index's (key) order, as SWORD iterates the module: a key
     * the index holds twice is yielded twice, an alias with its target's text.
     *
     * @throws UncheckedIOException from the stream when a block cannot be inflated
     */
    public Stream<LexiconEntry> entries() {
        return IntStream.range(0, keys.length).mapToObj(i -> {
            try {
                return new LexiconEntry(keys[i], text(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The text of a key. Look-up is forgiving as SWORD's is: keys are matched as stored, then
     * upper-cased, then, unless the module turns Strong's padding off, a number is padded to the
     * five digits Strong's dictionaries use ({@code 430} and, in the Hebrew dictionary,
     * {@code H430} find {@code 00430}). Unlike SWORD, a key that is not there yields nothing
     * rather than the nearest entry. A key stored twice (Nave has two SIN topics) yields the
     * first; {@link #entries()} has both.
     *
     * @throws IOException if the entry's block cannot be read
     */
    public Optional<String> read(String key) throws IOException {
        Optional<Integer> index = indexOf(key);
        return index.isPresent() ? Optional.of(text(index.get())) : Optional.empty();
    }

    private Optional<Integer> indexOf(String key) {
        Integer exact = keyIndex.get(key);
        if (exact != null) return Optional.of(exact);
        String upper = key.strip().toUpperCase(Locale.ROOT);
        Integer found = keyIndex.get(upper);
        if (found == null && strongsPadding) {
            Matcher m = STRONGS_KEY.matcher(upper);
            boolean prefixFits = m.matches()
                    && (m.group(1).isEmpty() || strongsPrefix.map(p -> p == m.group(1).charAt(0)).orElse(false));
            if (prefixFits) found = keyIndex.get("%05d".formatted(Integer.parseInt(m.group(2))));
        }
        return Optional.ofNullable(found);
    }

    private String text(int index) throws IOException {
        byte[] block = block(blockOf[index]);
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        int entry = entryOf[index];
        int entries = block.length >= 4 ? b.getInt(0) : 0;
        if (entry < 0 || entry >= entries || 4 + 8L * (entry + 1) > block.length) {
            throw new SwordFormatException(module.name() + ": " + keys[index] + " points at entry " + entry
                    + " of block " + blockOf[index] + ", which has " + entries);
        }
        long offset = Integer.toUnsignedLong(b.getInt(4 + 8 * entry));
        long size = Integer.toUnsignedLong(b.getInt(8 + 8 * entry));
        if (offset + size > block.length) {
            throw new SwordFormatException(module.name() + ": " + keys[index] + " reaches past its block " + blockOf[index]);
        }
        // The size counts the NUL that ends each text; anything after a NUL is not text either.
        int end = (int) offset;
        while (end < offset + size && block[end] != 0) end++;
        return decoder.decode(Arrays.copyOfRange(block, (int) offset, end));
    }

    private byte[] block(int block) throws SwordFormatException {
        synchronized (cache) {
            byte[] cached = cache.get(block);
            if (cached != null) return cached;
        }
        if (block < 0 || block >= blockOffset.length) {
            throw new SwordFormatException(module.name() + ": block " + Integer.toUnsignedString(block) + " does not exist");
        }
        byte[] inflated = inflate(block);
        synchronized (cache) {
            cache.put(block, inflated);
        }
        return inflated;
    }

    /** The block index does not record inflated sizes, so the buffer grows as needed. */
    private byte[] inflate(int block) throws SwordFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blocks, (int) blockOffset[block], blockSize[block]);
            byte[] out = new byte[Math.max(1024, blockSize[block] * 4)];
            int total = 0;
            while (!inflater.finished()) {
                if (total == out.length) out = Arrays.copyOf(out, out.length * 2);
                int n = inflater.inflate(out, total, out.length - total);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SwordFormatException(module.name() + ": block " + block + " is truncated");
                }
                total += n;
            }
            return Arrays.copyOf(out, total);
        } catch (DataFormatException e) {
            throw new SwordFormatException(module.name() + ": block " + block + " is not a zlib stream", e);
        } finally {
            inflater.end();
        }
    }
}
