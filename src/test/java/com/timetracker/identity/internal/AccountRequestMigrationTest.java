package com.timetracker.identity.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.timetracker.support.TestPostgres;
import com.timetracker.support.V1Database;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V6 turns V1's "one request per email, ever" into "one pending request per email" on a live V1
 * database, without changing a row.
 */
class AccountRequestMigrationTest {

    @Test
    void onAV1DatabaseNoRowChangesAndEmailsAreUniqueOnlyWhilePending() throws Exception {
        String database = V1Database.create();
        var before = V1Database.fingerprint(database);

        migrate(database);

        assertThat(V1Database.fingerprint(database)).isEqualTo(before);
        assertThat(constraints(database)).doesNotContain("uq_account_requests_email");
        assertThat(indexes(database)).contains("uq_account_requests_pending_email", "idx_account_requests_email");
        // spam.bot@example.net was rejected in V1's sample data: now they may apply again.
        TestPostgres.execute(database, "INSERT INTO account_requests (email, name) VALUES ('spam.bot@example.net', 'Reformed')");
        // frank.new@example.com is still pending: a second pending request is refused, whatever its case.
        assertThatThrownBy(() -> TestPostgres.execute(database,
                "INSERT INTO account_requests (email, name) VALUES ('Frank.New@example.com', 'Frank again')"))
                .hasMessageContaining("uq_account_requests_pending_email");
        // Once decided, the next request for that email is fine.
        TestPostgres.execute(database, "UPDATE account_requests SET status = 'approved' WHERE email = 'frank.new@example.com'");
        TestPostgres.execute(database, "INSERT INTO account_requests (email, name) VALUES ('frank.new@example.com', 'Frank again')");
    }

    @Test
    void pendingDuplicatesDifferingOnlyByCaseDoNotStopTheUpgrade() throws Exception {
        String database = V1Database.create();
        // V1's constraint compared emails exactly, so a hand-made row like this one could exist.
        TestPostgres.execute(database, "INSERT INTO account_requests (email, name) VALUES ('Frank.New@example.com', 'Frank by hand')");
        var before = V1Database.fingerprint(database);

        migrate(database);

        assertThat(V1Database.fingerprint(database)).isEqualTo(before);
        assertThat(constraints(database)).doesNotContain("uq_account_requests_email");
        assertThat(indexes(database)).doesNotContain("uq_account_requests_pending_email");
    }

    private static void migrate(String database) {
        Flyway.configure().dataSource(TestPostgres.jdbcUrl(database), "postgres", "").locations("classpath:db/migration")
                .baselineVersion("1").baselineOnMigrate(true).load().migrate();
    }

    private static List<String> constraints(String database) throws SQLException {
        return names(database, "SELECT conname FROM pg_constraint WHERE conrelid = 'account_requests'::regclass");
    }

    private static List<String> indexes(String database) throws SQLException {
        return names(database, "SELECT indexname FROM pg_indexes WHERE tablename = 'account_requests'");
    }

    private static List<String> names(String database, String sql) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = TestPostgres.connect(database); var rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
