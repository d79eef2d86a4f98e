package com.timetracker.teams.internal;

import java.time.Instant;
import java.util.List;

/** V1's team shapes (reference §3.5), with the member's user filled in (V1 always sent {@code user: null}). */
final class TeamResponses {

    private TeamResponses() {
    }

    record TeamResponse(long id, String name, long ownerId, Instant createdAt, Instant updatedAt, long memberCount) {

        static TeamResponse of(TeamRows.TeamRow row) {
            return new TeamResponse(row.id(), row.name(), row.ownerId(), row.createdAt(), row.updatedAt(), row.memberCount());
        }
    }

    record TeamDetailResponse(long id, String name, long ownerId, Instant createdAt, Instant updatedAt, long memberCount,
                              List<MemberResponse> members) {

        static TeamDetailResponse of(Teams.Detail detail) {
            TeamRows.TeamRow row = detail.team();
            return new TeamDetailResponse(row.id(), row.name(), row.ownerId(), row.createdAt(), row.updatedAt(), row.memberCount(),
                    detail.members().stream().map(MemberResponse::of).toList());
        }
    }

    record MemberUser(long id, String name, String email, String role) {
    }

    record MemberResponse(long userId, long teamId, String role, Instant joinedAt, MemberUser user) {

        static MemberResponse of(TeamRows.MemberRow row) {
            return new MemberResponse(row.userId(), row.teamId(), row.role(), row.joinedAt(),
                    new MemberUser(row.userId(), row.userName(), row.userEmail(), row.userRole()));
        }
    }
}
