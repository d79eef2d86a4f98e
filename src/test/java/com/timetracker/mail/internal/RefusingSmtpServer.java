package com.timetracker.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMTP server that takes every message and then refuses it the way content filters do,
 * quoting the message's Subject line in its reply: the reply ends up in the sender's exception.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> refusedSubjects = new CopyOnWriteArrayList<>();

    RefusingSmtpServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The Subject line of every message refused so far, one entry per delivery attempt. */
    List<String> refusedSubjects() {
        return refusedSubjects;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            reply(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing.test");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String subject = "";
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (line.startsWith("Subject: ")) {
                            subject = line.substring("Subject: ".length());
                        }
                    }
                    refusedSubjects.add(subject);
                    reply(out, "554 5.7.1 Message refused by content filter: Subject: " + subject);
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
