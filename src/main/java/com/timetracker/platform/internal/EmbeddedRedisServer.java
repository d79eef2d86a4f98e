package com.timetracker.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/** A real Redis on a free loopback port, its files under TIMETRACKER_DATA_DIR. */
final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer redis;
    private final int port;

    EmbeddedRedisServer(Path dataDir) {
        Path directory = dataDir.resolve("redis");
        try {
            Files.createDirectories(directory);
            Path pidFile = directory.resolve("redis.pid");
            StaleProcess.clear(pidFile, "redis-server");
            this.port = freePort();
            this.redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + directory)
                    .setting("pidfile " + pidFile)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis in " + directory + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    void start() throws IOException {
        redis.start();
    }

    void stop() throws IOException {
        redis.stop();
    }

    @Override
    public void close() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
