package com.timetracker.identity;

import java.util.UUID;

/**
 * Who is calling: the signed-in user as loaded from the database for this request (never from
 * token claims alone), and the session their token belongs to.
 */
public record AuthenticatedUser(long id, String email, String name, Role role, UUID sessionId) {

    public boolean isAdmin() {
        return role.isAdmin();
    }
}
