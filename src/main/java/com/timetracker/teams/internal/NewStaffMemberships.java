package com.timetracker.teams.internal;

import com.timetracker.identity.StaffMemberCreated;
import com.timetracker.platform.ApiException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds a newly created staff member to the teams chosen in the staff wizard, as a member. */
@Component
class NewStaffMemberships {

    private final JdbcClient jdbc;

    NewStaffMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs inside the creating transaction: an unknown team undoes the whole creation. */
    @EventListener
    void on(StaffMemberCreated created) {
        for (Long teamId : created.teamIds()) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM teams WHERE id = :id)").param("id", teamId).query(Boolean.class).single();
            if (!exists) {
                throw ApiException.badRequest("Team with ID " + teamId + " not found");
            }
            jdbc.sql("""
                            INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (:team, :user, 'member', now())
                            ON CONFLICT DO NOTHING""")
                    .param("team", teamId).param("user", created.userId()).update();
        }
    }
}
