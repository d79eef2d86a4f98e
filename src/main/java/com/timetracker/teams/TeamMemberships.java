package com.timetracker.teams;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who belongs to which team, as other modules need to know it for scoping and permissions. */
@Component
public class TeamMemberships {

    private final JdbcClient jdbc;

    public TeamMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<Long> teamIdsOf(long userId) {
        return new TreeSet<>(jdbc.sql("SELECT team_id FROM team_members WHERE user_id = :u").param("u", userId).query(Long.class).list());
    }

    /** The user's role in the team; empty when not a member. A role string V2 does not know counts as {@code member}. */
    public Optional<TeamRole> roleOf(long userId, long teamId) {
        return jdbc.sql("SELECT role FROM team_members WHERE user_id = :u AND team_id = :t")
                .param("u", userId).param("t", teamId).query(String.class).optional()
                .map(role -> TeamRole.parse(role).orElse(TeamRole.MEMBER));
    }

    /** Everyone in the team, for deciding who may see its events. */
    public List<Long> memberIdsOf(long teamId) {
        return jdbc.sql("SELECT user_id FROM team_members WHERE team_id = :t ORDER BY user_id").param("t", teamId).query(Long.class).list();
    }
}
