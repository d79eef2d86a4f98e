package com.timetracker.teams;

/**
 * Someone was added to a team (V1's realtime {@code team_added} to the new member and
 * {@code member_added} to the team, reference §5). Published inside the adding transaction.
 */
public record MemberAdded(long teamId, String teamName, long userId, String userName, String role, long actorId) {
}
