package com.timetracker.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.timetracker.platform.UnsafeConfigurationException;

/**
 * Held for the life of an embedded-mode process: a second instance on the same data directory is
 * refused instead of mistaking the first one's servers for leftovers of a crash. The operating
 * system releases the lock when the holder dies, however it dies.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    DataDirectoryLock(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            this.channel = FileChannel.open(dataDir.resolve("timetracker.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = tryLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new UnsafeConfigurationException("Another TimeTracker process is already running on the data directory " + dataDir + ".",
                    "Stop the other process, or give this one its own TIMETRACKER_DATA_DIR.");
        }
    }

    /** Null when another process, or another instance in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the refusal below is what matters
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
