package org.gospelib.content.internal.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the verses' JSON lives. Read from the snapshot file by positional reads: the bytes stay
 * in the operating system's page cache, shared and evictable, and neither on the Java heap nor in
 * the process's resident set (a mapping would count every page a search index build touched).
 * Before a snapshot file exists, or where there is none, they are arrays on the heap.
 */
public sealed interface VerseBytes {

    /** Copies {@code length} bytes from {@code offset} into {@code target} at {@code at}. */
    void copy(long offset, int length, byte[] target, int at);

    default byte[] read(long offset, int length) {
        byte[] bytes = new byte[length];
        copy(offset, length, bytes, 0);
        return bytes;
    }

    /** One verse's bytes, kept on the heap. */
    public record OnHeap(byte[] bytes) implements VerseBytes {
        @Override
        public void copy(long offset, int length, byte[] target, int at) {
            System.arraycopy(bytes, (int) offset, target, at, length);
        }

        @Override
        public byte[] read(long offset, int length) {
            return offset == 0 && length == bytes.length ? bytes : VerseBytes.super.read(offset, length);
        }
    }

    /**
     * A region of a snapshot file, read with {@code pread}. A read never leaves the channel closed
     * for the others: the caller's interrupt status is set aside during the read (an interrupted
     * channel read would close the channel), and a channel found closed is opened again.
     */
    public final class InFile implements VerseBytes {

        private final Path path;
        private volatile FileChannel channel;

        InFile(Path path) throws IOException {
            this.path = path;
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        }

        @Override
        public void copy(long offset, int length, byte[] target, int at) {
            boolean interrupted = Thread.interrupted();
            try {
                for (int attempt = 0; ; attempt++) {
                    try {
                        ByteBuffer into = ByteBuffer.wrap(target, at, length);
                        long position = offset;
                        while (into.hasRemaining()) {
                            int n = channel.read(into, position);
                            if (n < 0) throw new IOException("snapshot file " + path + " ends before " + (offset + length));
                            position += n;
                        }
                        return;
                    } catch (ClosedChannelException e) {
                        if (attempt > 0) throw e;
                        reopen();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        private synchronized void reopen() throws IOException {
            if (!channel.isOpen()) channel = FileChannel.open(path, StandardOpenOption.READ);
        }

        /** Lets the file go; a read after this opens it again if it still exists. */
        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only: nothing to lose
            }
        }
    }
}
