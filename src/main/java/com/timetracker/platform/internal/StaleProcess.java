package com.timetracker.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process left behind by a hard-killed previous run (its pid file still names it). The
 * embedded servers stop it, or remove the stale pid file, so the next start is never blocked.
 */
final class StaleProcess {

    private static final Logger log = LoggerFactory.getLogger(StaleProcess.class);

    private StaleProcess() {
    }

    /**
     * @param pidFile  the server's pid file (first line: the pid)
     * @param command  a fragment of the server's command line, to avoid killing an unrelated process that reuses the pid
     */
    static void clear(Path pidFile, String command) {
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(c -> c.contains(command)).orElse(false));
        if (process.isPresent()) {
            log.warn("Stopping {} (pid {}) left running by a previous run that did not shut down", command, pid.get());
            stop(process.get());
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not remove stale pid file {}: {}", pidFile, e.getMessage());
        }
    }

    private static void stop(ProcessHandle process) {
        // SIGINT is PostgreSQL's "fast shutdown" and a clean stop for Redis; SIGKILL only as a last resort.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            process.onExit().get(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
