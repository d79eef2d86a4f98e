package com.timetracker.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import static org.awaitility.Awaitility.await;

/** A real SMTP server (GreenMail) on a free port, and what arrived there, by recipient. */
public final class Inbox implements AutoCloseable {

    private final GreenMail smtp;
    private final int port;

    public Inbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Settings that point the app at this server, for {@link TestApp#start}. */
    public String[] appSettings() {
        return new String[] {"SMTP_SERVER=127.0.0.1", "SMTP_PORT=" + port, "SMTP_TLS=false",
                "SMTP_FROM=TimeTracker <tracker@example.com>", "timetracker.mail.poll-interval=100ms"};
    }

    /** Mail to this address, in arrival order. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> addressedTo(message, address)).toList();
    }

    /** Waits until the n-th mail to this address has arrived and returns it. */
    public MimeMessage awaitMail(String address, int n) {
        await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() >= n);
        return to(address).get(n - 1);
    }

    /** The plain-text part of a mail (decoded), however deep in its multipart structure. */
    public static String text(MimeMessage mail) {
        try {
            String text = plainText(mail.getContent(), mail.getContentType());
            if (text == null) {
                throw new AssertionError("no text/plain part");
            }
            return text;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Object content, String type) throws IOException, MessagingException {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String text = plainText(part.getContent(), part.getContentType());
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        return type.toLowerCase(Locale.ROOT).startsWith("text/plain") ? content.toString() : null;
    }

    /** The first match of the pattern's group 1 in the mail's text, or an assertion failure. */
    public static String find(MimeMessage mail, Pattern pattern) {
        Matcher matcher = pattern.matcher(text(mail));
        if (!matcher.find()) {
            throw new AssertionError("no match for " + pattern + " in:\n" + text(mail));
        }
        return matcher.group(1);
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
