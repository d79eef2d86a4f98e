package com.timetracker.mail.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outgoing mail through a real SMTP server (GreenMail), with the whole app running. */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    private static int smtpPort;
    private static GreenMail smtp;
    private static ConfigurableApplicationContext app;
    private static MailOutbox outbox;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws IOException {
        smtpPort = freePort();
        smtp = startSmtp();
        app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("mail")),
                "SMTP_SERVER=127.0.0.1", "SMTP_PORT=" + smtpPort, "SMTP_TLS=false",
                "SMTP_FROM=TimeTracker Test <tracker@example.com>",
                "timetracker.mail.poll-interval=100ms",
                "timetracker.mail.retry-backoff=100ms", "timetracker.mail.retry-backoff-max=500ms");
        outbox = app.getBean(MailOutbox.class);
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }

    @Test
    void aQueuedMessageIsDeliveredWithRecipientSenderSubjectAndBothParts() throws Exception {
        outbox.enqueue(new OutgoingMail("ana@example.com", "Welcome to TimeTracker", "Hello Ana, welcome.",
                "<p>Hello <b>Ana</b>, welcome.</p>", Set.of()));

        MimeMessage mail = awaitReceived("Welcome to TimeTracker").get(0);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("ana@example.com");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("tracker@example.com");
        assertThat(from.getPersonal()).isEqualTo("TimeTracker Test");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text/plain")).isEqualTo("Hello Ana, welcome.");
        assertThat(parts.get("text/html")).isEqualTo("<p>Hello <b>Ana</b>, welcome.</p>");
        await().untilAsserted(() -> assertThat(row("Welcome to TimeTracker"))
                .containsEntry("status", "sent").containsEntry("attempts", 1).containsEntry("last_error", null));
    }

    @Test
    void aMessageEnqueuedInATransactionThatRollsBackIsNeverSent() {
        TransactionTemplate transaction = app.getBean(TransactionTemplate.class);
        transaction.executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingMail("bo@example.com", "Invitation that was rolled back", "You are invited."));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                outbox.enqueue(new OutgoingMail("bo@example.com", "Invitation that was committed", "You are invited.")));

        // Delivery runs in queue order: once the later message arrives, the earlier one would have too.
        awaitReceived("Invitation that was committed");
        assertThat(received("Invitation that was rolled back")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject = 'Invitation that was rolled back'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void twoWorkersRacingSendEachMessageExactlyOnce() throws Exception {
        int count = 40;
        app.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(new OutgoingMail("team@example.com", "Race " + i, "Message " + i));
            }
        });
        MailDelivery delivery = app.getBean(MailDelivery.class);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(workers.submit(() -> {
                start.await();
                delivery.deliverDue();
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        workers.shutdown();

        await().until(() -> jdbc.sql("SELECT count(*) FROM mail_outbox WHERE subject LIKE 'Race %' AND status = 'sent'")
                .query(Integer.class).single() == count);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (mail.getSubject().startsWith("Race ")) {
                subjects.add(mail.getSubject());
            }
        }
        assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT DISTINCT attempts FROM mail_outbox WHERE subject LIKE 'Race %'").query(Integer.class).list())
                .containsExactly(1);
    }

    @Test
    void duringAnSmtpOutageMailWaitsAndIsDeliveredWhenTheServerIsBack(CapturedOutput output) throws Exception {
        String token = "Rt7-outage-token-9QxZ";
        smtp.stop();
        try {
            outbox.enqueue(new OutgoingMail("cy@example.com", "Reset code " + token,
                    "Open http://localhost:8080/reset?token=" + token, null, Set.of(token)));

            await().untilAsserted(() -> assertThat((Integer) row("Reset code " + token).get("attempts")).isGreaterThanOrEqualTo(2));
            Map<String, Object> waiting = row("Reset code " + token);
            assertThat(waiting.get("status")).isEqualTo("pending");
            assertThat((String) waiting.get("last_error")).contains("127.0.0.1").doesNotContain(token);
            assertThat(output.getAll()).contains("not sent (attempt 1 of 10)").doesNotContain(token);
        } finally {
            smtp = startSmtp();
        }

        MimeMessage mail = awaitReceived("Reset code " + token).get(0);
        assertThat(mail.getContent().toString()).contains("token=" + token);
        await().untilAsserted(() -> assertThat(row("Reset code " + token)).containsEntry("status", "sent"));
        assertThat(received("Reset code " + token)).hasSize(1);
        assertThat(output.getAll()).doesNotContain(token);
    }

    private static Map<String, Object> row(String subject) {
        return jdbc.sql("SELECT status, attempts, last_error, sent_at FROM mail_outbox WHERE subject = :s")
                .param("s", subject).query().singleRow();
    }

    private static List<MimeMessage> awaitReceived(String subject) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !received(subject).isEmpty());
        return received(subject);
    }

    private static List<MimeMessage> received(String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, String> parts(MimeMessage mail) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        collect(mail.getContent(), mail.getContentType(), parts);
        return parts;
    }

    private static void collect(Object content, String type, Map<String, String> parts) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), parts);
            }
        } else {
            parts.put(type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT), content.toString());
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
