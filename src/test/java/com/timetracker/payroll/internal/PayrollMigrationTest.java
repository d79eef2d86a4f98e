package com.timetracker.payroll.internal;

import com.timetracker.support.TestApp;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.V1Database;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** V30 on a live V1 database: duplicate payroll entries are merged without losing a cent or a row's content. */
class PayrollMigrationTest {

    @Test
    void duplicateEntriesOfAUserInAPeriodAreMergedAndRecorded() {
        String database = V1Database.create();
        // V1's manual-entry endpoint could add a second entry for Carol (3) in December (period 2, entry 4).
        TestPostgres.execute(database, """
                INSERT INTO payroll_entries (id, payroll_period_id, user_id, regular_hours, overtime_hours, regular_rate, overtime_rate,
                                             gross_amount, adjustments_amount, net_amount, status, notes, created_at, updated_at)
                VALUES (6, 2, 3, 2.00, 0.00, 40.00, 60.00, 80.00, 10.00, 90.00, 'pending', 'Christmas shift', now(), now());
                INSERT INTO payroll_adjustments (id, payroll_entry_id, adjustment_type, description, amount, created_by, created_at)
                VALUES (4, 6, 'bonus', 'Holiday bonus', 10.00, 1, now());""");

        try (ConfigurableApplicationContext app = TestApp.start("DATABASE_URL=" + TestPostgres.v1DatabaseUrl(database))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT id FROM payroll_entries WHERE payroll_period_id = 2 AND user_id = 3").query(Long.class).list())
                    .containsExactly(4L);
            assertThat(jdbc.sql("""
                            SELECT regular_hours || ' ' || gross_amount || ' ' || adjustments_amount || ' ' || net_amount || ' ' || notes
                            FROM payroll_entries WHERE id = 4""").query(String.class).single())
                    .isEqualTo("14.25 570.00 35.00 605.00 Christmas shift");
            assertThat(jdbc.sql("SELECT id FROM payroll_adjustments WHERE payroll_entry_id = 4 ORDER BY id").query(Long.class).list())
                    .containsExactly(3L, 4L);
            String recorded = jdbc.sql("SELECT old_values FROM audit_logs WHERE resource_type = 'payroll_entry' AND resource_id = 6")
                    .query(String.class).single();
            assertThat(recorded).contains("\"net_amount\": 90.00").contains("\"notes\": \"Christmas shift\"");
            // the open period's total is the sum of its entries again; the paid one keeps its total
            assertThat(jdbc.sql("SELECT total_amount::text FROM payroll_periods WHERE id = 2").query(String.class).single()).isEqualTo("965.00");
            assertThat(jdbc.sql("SELECT total_amount::text FROM payroll_periods WHERE id = 1").query(String.class).single()).isEqualTo("17210.00");
            // and the database now refuses a second entry
            assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conname = 'uq_payroll_entries_period_user'").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }
}
