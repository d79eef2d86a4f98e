package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code invitations} table: at most one pending invitation per email (case-insensitive). */
@Repository
class PendingInvitations {

    record Invitation(long id, String email, String role, Long invitedBy, Instant createdAt, Instant expiresAt) {

        boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    private static final String COLUMNS = "id, email, role, invited_by, created_at, expires_at";

    private final JdbcClient jdbc;

    PendingInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Invitation> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE lower(email) = lower(:email)")
                .param("email", email).query(Rows.of(Invitation.class)).optional();
    }

    Optional<Invitation> findByTokenHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = :hash")
                .param("hash", hash).query(Rows.of(Invitation.class)).optional();
    }

    /**
     * Stores the invitation, replacing any earlier one for the same email in one statement, so two
     * admins inviting the same person at once leave exactly one valid link.
     */
    Invitation save(String email, String role, String tokenHash, long invitedBy, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at)
                        VALUES (lower(:email), :role, :hash, :by, :now, :expires)
                        ON CONFLICT ((lower(email))) DO UPDATE
                            SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash, invited_by = EXCLUDED.invited_by,
                                created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                        RETURNING\s""" + COLUMNS)
                .param("email", email).param("role", role).param("hash", tokenHash).param("by", (int) invitedBy)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt))
                .query(Rows.of(Invitation.class)).single();
    }

    /**
     * Takes the invitation out of the table if the token is still valid. The row lock makes this
     * the single use: of two concurrent accepts, only one gets the row.
     */
    Optional<Invitation> claim(String tokenHash, Instant now) {
        return jdbc.sql("DELETE FROM invitations WHERE token_hash = :hash AND expires_at > :now RETURNING " + COLUMNS)
                .param("hash", tokenHash).param("now", Timestamp.from(now)).query(Rows.of(Invitation.class)).optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM invitations WHERE id = :id").param("id", id).update() == 1;
    }

    /** Housekeeping: expired invitations are useless; nobody needs them once the audit trail has the story. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM invitations WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
