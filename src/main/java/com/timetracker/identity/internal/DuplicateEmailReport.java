package com.timetracker.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * V1 compared emails case-sensitively, so an adopted database may hold "Ann@x.com" and "ann@x.com"
 * as two accounts. The upgrade does not fail on that (migration V3 then skips the case-insensitive
 * unique index); every start reports the pairs until an administrator merges or renames them.
 */
@Component
class DuplicateEmailReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DuplicateEmailReport.class);

    private final JdbcClient jdbc;

    DuplicateEmailReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> duplicates = duplicates();
        if (!duplicates.isEmpty()) {
            log.warn("Accounts whose emails differ only by case (sign-in uses the oldest of each group; rename or deactivate the others "
                    + "so emails become unique, then the unique index can be created): {}", duplicates);
        }
    }

    List<String> duplicates() {
        return jdbc.sql("""
                        SELECT string_agg(email || ' (id ' || id || ')', ' = ' ORDER BY id)
                        FROM users GROUP BY lower(email) HAVING count(*) > 1 ORDER BY lower(email)""")
                .query(String.class).list();
    }
}
