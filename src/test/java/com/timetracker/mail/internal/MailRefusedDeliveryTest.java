package com.timetracker.mail.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.timetracker.mail.MailOutbox;
import com.timetracker.mail.OutgoingMail;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An SMTP server that refuses every message, quoting it in its reply. */
@ExtendWith(OutputCaptureExtension.class)
class MailRefusedDeliveryTest {

    private static RefusingSmtpServer smtp;
    private static ConfigurableApplicationContext app;
    private static MailOutbox outbox;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        smtp = new RefusingSmtpServer();
        app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(TestPostgres.createDatabase("refused")),
                "SMTP_SERVER=127.0.0.1", "SMTP_PORT=" + smtp.port(), "SMTP_TLS=false",
                "timetracker.mail.poll-interval=50ms", "timetracker.mail.max-attempts=3",
                "timetracker.mail.retry-backoff=50ms", "timetracker.mail.retry-backoff-max=100ms");
        outbox = app.getBean(MailOutbox.class);
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        smtp.close();
    }

    @Test
    void aSecretTheServerQuotesNeverReachesLastErrorOrTheLog(CapturedOutput output) {
        String code = "C0de-4471-Xq";
        outbox.enqueue(new OutgoingMail("eve@example.com", "Your sign-in code " + code,
                "Your code is " + code, null, Set.of(code)));

        await().until(() -> smtp.refusedSubjects().contains("Your sign-in code " + code));
        await().untilAsserted(() -> assertThat((String) row("eve@example.com").get("last_error")).isNotNull());

        assertThat((String) row("eve@example.com").get("last_error"))
                .contains("554 5.7.1 Message refused by content filter: Subject: Your sign-in code [redacted]")
                .doesNotContain(code);
        await().untilAsserted(() -> assertThat(output.getAll()).contains("Subject: Your sign-in code [redacted]"));
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aMessageTheServerKeepsRefusingIsGivenUpAfterTheLastAttempt(CapturedOutput output) {
        outbox.enqueue(new OutgoingMail("fay@example.com", "Weekly report", "Hours this week: 38.5"));

        await().untilAsserted(() -> assertThat(row("fay@example.com")).containsEntry("status", "failed").containsEntry("attempts", 3));
        // Given up means no further attempts, however many delivery runs pass.
        await().pollDelay(Duration.ofMillis(400)).until(() -> true);
        assertThat(smtp.refusedSubjects().stream().filter("Weekly report"::equals)).hasSize(3);
        assertThat(row("fay@example.com")).containsEntry("status", "failed").containsEntry("attempts", 3);
        assertThat(output.getAll()).contains("Mail #").contains("to fay@example.com not sent and given up after 3 attempts");
    }

    private static Map<String, Object> row(String recipient) {
        return jdbc.sql("SELECT status, attempts, last_error FROM mail_outbox WHERE recipient = :r")
                .param("r", recipient).query().singleRow();
    }
}
