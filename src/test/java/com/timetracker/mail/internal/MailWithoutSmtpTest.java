package com.timetracker.mail.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without SMTP_SERVER (as in embedded mode) mail waits in the outbox and is shown in the log. */
@ExtendWith(OutputCaptureExtension.class)
class MailWithoutSmtpTest {

    private static final String TOKEN = "tk_9f3Lq2Vx8Rm4Wc7Zp1";

    private static OutgoingMail resetMail() {
        return new OutgoingMail("dee@example.com", "Reset your password",
                "Hello Dee,\nopen http://localhost:8080/reset-password?token=" + TOKEN + " to choose a new password.",
                "<a href=\"http://localhost:8080/reset-password?token=" + TOKEN + "\">Choose a new password</a>", Set.of(TOKEN));
    }

    private static String db(String database) {
        return "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database);
    }

    @Test
    void eachMessageIsLoggedOnceWithSecretsRedactedAndWaitsInTheOutbox(CapturedOutput output) {
        String database = TestPostgres.createDatabase("nosmtp");
        try (ConfigurableApplicationContext app = TestApp.start(db(database), "timetracker.mail.poll-interval=50ms")) {
            MailOutbox outbox = app.getBean(MailOutbox.class);
            outbox.enqueue(resetMail());
            app.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                outbox.enqueue(new OutgoingMail("dee@example.com", "Rolled back, never shown", "Nothing to see."));
                status.setRollbackOnly();
            });
            // Many delivery runs pass; none may log the message again, send it, or fail.
            app.getBean(MailDelivery.class).deliverDue();
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);

            String log = output.getAll();
            assertThat(log).contains("SMTP is not configured (set SMTP_SERVER)")
                    .contains("To: dee@example.com")
                    .contains("Subject: Reset your password")
                    .contains("open http://localhost:8080/reset-password?token=[redacted] to choose a new password.")
                    .doesNotContain(TOKEN)
                    .doesNotContain("Rolled back, never shown");
            assertThat(count(log, "Subject: Reset your password")).isEqualTo(1);
            assertThat(log).doesNotContain("not sent (attempt").doesNotContain("Mail delivery skipped");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM mail_outbox").query(String.class).list())
                    .containsExactly("pending 0");
        }
    }

    @Test
    void pendingMailIsDeliveredAfterARestartWithSmtpConfigured() throws IOException {
        String database = TestPostgres.createDatabase("latersmtp");
        try (ConfigurableApplicationContext app = TestApp.start(db(database))) {
            app.getBean(MailOutbox.class).enqueue(resetMail());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (ConfigurableApplicationContext app = TestApp.start(db(database),
                "SMTP_SERVER=127.0.0.1", "SMTP_PORT=" + port, "SMTP_TLS=false", "timetracker.mail.poll-interval=100ms")) {
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Reset your password");
            await().until(() -> app.getBean(JdbcClient.class).sql("SELECT status FROM mail_outbox").query(String.class).single().equals("sent"));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        } finally {
            smtp.stop();
        }
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
