package com.timetracker.ops.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Who listens on a local port, and whether it speaks the protocol the deployment expects there. */
final class PortProbe {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private PortProbe() {
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The answer to an HTTP GET, or empty when nothing answers HTTP there. */
    static Optional<HttpResponse<String>> httpGet(String host, int port, String path) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).timeout(TIMEOUT).GET().build();
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether PostgreSQL listens there (it answers an SSLRequest with 'S' or 'N'). */
    static boolean speaksPostgres(String host, int port) {
        byte[] sslRequest = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
        return exchange(host, port, sslRequest, 1).filter(reply -> reply.startsWith("S") || reply.startsWith("N")).isPresent();
    }

    /** Redis's reply to PING (after AUTH when a password is given), e.g. "+PONG" or "-NOAUTH ...". */
    static Optional<String> redisPing(String host, int port, String password) {
        boolean auth = password != null && !password.isEmpty();
        String command = (auth ? resp("AUTH", password) : "") + resp("PING");
        return exchange(host, port, command.getBytes(StandardCharsets.UTF_8), auth ? 2 : 1).map(reply -> {
            // with AUTH the first line is AUTH's reply: report the first error, else PING's answer
            List<String> lines = reply.lines().toList();
            return lines.stream().filter(l -> l.startsWith("-")).findFirst().orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        });
    }

    private static String resp(String... words) {
        StringBuilder out = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            out.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return out.toString();
    }

    private static Optional<String> exchange(String host, int port, byte[] request, int replyLines) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[512];
            StringBuilder reply = new StringBuilder();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                if (reply.toString().lines().count() >= replyLines) {
                    break;
                }
            }
            return Optional.of(reply.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The program listening on a TCP port of this host, from /proc (Linux; empty when not visible). */
    static Optional<String> owner(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        try {
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.isReadable(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length > 9 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) {
                        Optional<String> process = processWithSocket(f[9]);
                        if (process.isPresent()) {
                            return process;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> processWithSocket(String inode) throws IOException {
        String link = "socket:[" + inode + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
                    if (fds.anyMatch(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().equals(link);
                        } catch (IOException e) {
                            return false;
                        }
                    })) {
                        String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                                .replace('\0', ' ').strip();
                        return Optional.of("pid " + process.getFileName() + " (" + (command.length() > 120 ? command.substring(0, 120) + "..." : command) + ")");
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process: not visible
                }
            }
        }
        return Optional.empty();
    }
}
