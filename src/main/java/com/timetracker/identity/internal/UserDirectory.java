package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrators' view of accounts: paged, searchable, filterable — all in the database. */
@Repository
class UserDirectory {

    record Page(List<UserAccount> items, long total) {
    }

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page find(String search, Boolean active, String role, com.timetracker.platform.Paging paging) {
        String where = """
                WHERE deleted_at IS NULL
                  AND (CAST(:search AS text) IS NULL OR email ILIKE :pattern ESCAPE '\\' OR name ILIKE :pattern ESCAPE '\\')
                  AND (CAST(:active AS boolean) IS NULL OR is_active = CAST(:active AS boolean))
                  AND (CAST(:role AS text) IS NULL OR role = CAST(:role AS text))""";
        String pattern = com.timetracker.platform.SearchTerm.containsPattern(search);
        long total = jdbc.sql("SELECT count(*) FROM users " + where)
                .param("search", search).param("pattern", pattern).param("active", active).param("role", role)
                .query(Long.class).single();
        List<UserAccount> items = jdbc.sql("SELECT " + UserAccounts.COLUMNS + " FROM users " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("search", search).param("pattern", pattern).param("active", active).param("role", role)
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(UserAccount.class)).list();
        return new Page(items, total);
    }
}
