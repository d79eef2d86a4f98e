package com.timetracker.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.timetracker.identity.PasswordHashing;
import com.timetracker.support.Refusal;
import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class FirstSuperAdminTest {

    private static String db(String database) {
        return "DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database);
    }

    @Test
    void createsTheConfiguredSuperAdminOnceAndNeverResetsIt() {
        String database = TestPostgres.createDatabase("first");
        try (ConfigurableApplicationContext app = TestApp.start(db(database),
                "FIRST_SUPER_ADMIN_EMAIL=Owner@Example.com", "FIRST_SUPER_ADMIN_PASSWORD=Harbor-Lamp-7-Tree")) {
            UserAccount owner = app.getBean(UserAccounts.class).findByEmail("owner@example.com").orElseThrow();
            assertThat(owner.role()).isEqualTo("super_admin");
            assertThat(owner.email()).isEqualTo("owner@example.com");
            assertThat(app.getBean(PasswordHashing.class).matches("Harbor-Lamp-7-Tree", owner.passwordHash())).isTrue();
            assertThat(owner.passwordHash()).startsWith("$2b$12$");
        }
        try (ConfigurableApplicationContext app = TestApp.start(db(database),
                "FIRST_SUPER_ADMIN_EMAIL=other@example.com", "FIRST_SUPER_ADMIN_PASSWORD=Another-Strong-9-Pass")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT email FROM users").query(String.class).list()).containsExactly("owner@example.com");
            String hash = jdbc.sql("SELECT password_hash FROM users").query(String.class).single();
            assertThat(app.getBean(PasswordHashing.class).matches("Harbor-Lamp-7-Tree", hash)).isTrue();
        }
    }

    @Test
    void refusesAWeakConfiguredPasswordWithThePolicysReasons() {
        String database = TestPostgres.createDatabase("weak");

        assertThat(Refusal.of(() -> TestApp.start(db(database), "FIRST_SUPER_ADMIN_EMAIL=a@example.com",
                "FIRST_SUPER_ADMIN_PASSWORD=admin123")))
                .hasMessageContaining("FIRST_SUPER_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12 characters")
                .hasMessageContaining("uppercase letter");
        TestPostgres.execute(database, "DO $$ BEGIN IF (SELECT count(*) FROM users) <> 0 THEN RAISE 'user created'; END IF; END $$");
    }

    @Test
    void withoutConfigurationARandomPasswordIsPrintedExactlyOnce(CapturedOutput output) {
        String database = TestPostgres.createDatabase("random");
        String password;
        try (ConfigurableApplicationContext app = TestApp.start(db(database))) {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(output.getAll());
            assertThat(printed.find()).as("password printed").isTrue();
            password = printed.group(1);
            UserAccount admin = app.getBean(UserAccounts.class).findByEmail(FirstSuperAdmin.DEFAULT_EMAIL).orElseThrow();
            assertThat(app.getBean(PasswordHashing.class).matches(password, admin.passwordHash())).isTrue();
        }
        int printedBefore = count(output.getAll(), "First super admin created");
        try (ConfigurableApplicationContext ignored = TestApp.start(db(database))) {
            assertThat(count(output.getAll(), "First super admin created")).isEqualTo(printedBefore).isEqualTo(1);
            assertThat(count(output.getAll(), password)).isEqualTo(1);
        }
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
