package com.timetracker.identity;

import java.time.ZoneId;
import java.util.UUID;

/**
 * Who is calling: the signed-in user as loaded from the database for this request (never from
 * token claims alone), the session their token belongs to, and their time zone.
 */
public record AuthenticatedUser(long id, String email, String name, Role role, UUID sessionId, ZoneId zone) {

    public AuthenticatedUser(long id, String email, String name, Role role, UUID sessionId) {
        this(id, email, name, role, sessionId, ZoneId.of("UTC"));
    }

    public boolean isAdmin() {
        return role.isAdmin();
    }
}
