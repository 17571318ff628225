package org.gospelib.ingest.internal.sword;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One testament's three files of a compressed verse-keyed module.
 *
 * <ul>
 * <li>{@code .?zs}, block index: per block three little-endian uint32, the block's offset and
 * compressed size in the data file and its uncompressed size;</li>
 * <li>{@code .?zv}, verse index: per slot a uint32 block number, a uint32 offset into the
 * uncompressed block and the entry size, uint16 for zText/zCom (10-byte records) or uint32 for
 * zText4/zCom4 (12-byte records);</li>
 * <li>{@code .?zz}, data: zlib streams, one per block.</li>
 * </ul>
 *
 * The verse and block indexes are small and read whole; blocks are inflated on demand and the
 * last one is kept, so reading a testament in order inflates each block exactly once.
 */
final class TestamentFile implements AutoCloseable {

    private static final TestamentFile ABSENT = new TestamentFile();

    private final ByteBuffer verseIndex;
    private final int recordSize;
    private final long[] blockOffset;
    private final int[] blockCompressed;
    private final int[] blockSize;
    private final FileChannel data;
    private final String name;

    private int cachedBlock = -1;
    private byte[] cached;

    private TestamentFile() {
        verseIndex = ByteBuffer.allocate(0);
        recordSize = 10;
        blockOffset = new long[0];
        blockCompressed = new int[0];
        blockSize = new int[0];
        data = null;
        name = "absent";
    }

    private TestamentFile(String name, ByteBuffer verseIndex, int recordSize, ByteBuffer blockIndex, FileChannel data) {
        this.name = name;
        this.verseIndex = verseIndex.order(ByteOrder.LITTLE_ENDIAN);
        this.recordSize = recordSize;
        blockIndex.order(ByteOrder.LITTLE_ENDIAN);
        int blocks = blockIndex.remaining() / 12;
        blockOffset = new long[blocks];
        blockCompressed = new int[blocks];
        blockSize = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            blockOffset[b] = Integer.toUnsignedLong(blockIndex.getInt(b * 12));
            blockCompressed[b] = blockIndex.getInt(b * 12 + 4);
            blockSize[b] = blockIndex.getInt(b * 12 + 8);
        }
        this.data = data;
    }

    /** A testament's three files, named {@code ot.bzs} … {@code nt.czz} after testament and block type. */
    record Location(Path blockIndex, Path verseIndex, Path data) {
        static Location of(Path dir, String testament, char blockLetter) {
            return new Location(dir.resolve(testament + "." + blockLetter + "zs"),
                    dir.resolve(testament + "." + blockLetter + "zv"),
                    dir.resolve(testament + "." + blockLetter + "zz"));
        }

        boolean exist() {
            return Files.isRegularFile(blockIndex) && Files.isRegularFile(verseIndex) && Files.isRegularFile(data);
        }
    }

    static TestamentFile absent() {
        return ABSENT;
    }

    static TestamentFile open(Location files, int recordSize) throws IOException {
        ByteBuffer verseIndex = ByteBuffer.wrap(Files.readAllBytes(files.verseIndex()));
        ByteBuffer blockIndex = ByteBuffer.wrap(Files.readAllBytes(files.blockIndex()));
        FileChannel data = FileChannel.open(files.data(), StandardOpenOption.READ);
        return new TestamentFile(files.data().toString(), verseIndex, recordSize, blockIndex, data);
    }

    int slots() {
        return verseIndex.capacity() / recordSize;
    }

    boolean exists() {
        return data != null;
    }

    int blockOf(int slot) {
        return slot < slots() ? verseIndex.getInt(slot * recordSize) : 0;
    }

    int offsetOf(int slot) {
        return slot < slots() ? verseIndex.getInt(slot * recordSize + 4) : 0;
    }

    /** The entry's size in bytes, 0 for an empty slot or one past the end of the index. */
    long sizeOf(int slot) {
        if (slot >= slots()) return 0;
        int at = slot * recordSize + 8;
        return recordSize == 10 ? Short.toUnsignedInt(verseIndex.getShort(at)) : Integer.toUnsignedLong(verseIndex.getInt(at));
    }

    /** Whether a slot points at exactly the same bytes as another (a SWORD link). */
    boolean sameEntry(int slot, int other) {
        return sizeOf(slot) > 0 && sizeOf(slot) == sizeOf(other)
                && blockOf(slot) == blockOf(other) && offsetOf(slot) == offsetOf(other);
    }

    /** The entry's bytes, empty for an empty slot. */
    byte[] bytes(int slot) throws IOException {
        long size = sizeOf(slot);
        if (size == 0) return new byte[0];
        int block = blockOf(slot);
        long offset = Integer.toUnsignedLong(offsetOf(slot));
        byte[] text = block(block);
        if (offset + size > text.length) {
            throw new SwordFormatException(name + ": slot " + slot + " reaches past its block " + block);
        }
        byte[] entry = new byte[(int) size];
        System.arraycopy(text, (int) offset, entry, 0, (int) size);
        return entry;
    }

    private byte[] block(int block) throws IOException {
        if (block == cachedBlock) return cached;
        if (block < 0 || block >= blockOffset.length) {
            throw new SwordFormatException(name + ": block " + Integer.toUnsignedString(block) + " does not exist");
        }
        ByteBuffer compressed = ByteBuffer.allocate(blockCompressed[block]);
        long position = blockOffset[block];
        while (compressed.hasRemaining()) {
            int read = data.read(compressed, position + compressed.position());
            if (read < 0) throw new SwordFormatException(name + ": block " + block + " is truncated");
        }
        byte[] inflated = new byte[blockSize[block]];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed.array());
            int total = 0;
            while (total < inflated.length && !inflater.finished()) {
                int n = inflater.inflate(inflated, total, inflated.length - total);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                total += n;
            }
            if (total != inflated.length) {
                throw new SwordFormatException(name + ": block " + block + " inflates to " + total
                        + " bytes, index says " + inflated.length);
            }
        } catch (DataFormatException e) {
            throw new SwordFormatException(name + ": block " + block + " is not a zlib stream", e);
        } finally {
            inflater.end();
        }
        cachedBlock = block;
        cached = inflated;
        return inflated;
    }

    @Override
    public void close() throws IOException {
        if (data != null) data.close();
    }
}
