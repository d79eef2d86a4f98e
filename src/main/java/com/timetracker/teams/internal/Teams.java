package com.timetracker.teams.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.Paging;
import com.timetracker.teams.MemberAdded;
import com.timetracker.teams.TeamPolicy;
import com.timetracker.teams.TeamRole;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams and their memberships, each action authorized by {@link TeamPolicy}. A team the caller may
 * not see answers 404 exactly like one that does not exist, so ids reveal nothing.
 */
@Service
class Teams {

    record Detail(TeamRows.TeamRow team, List<TeamRows.MemberRow> members) {
    }

    private final TeamRows rows;
    private final ApplicationEventPublisher events;

    Teams(TeamRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    @Transactional(readOnly = true)
    TeamRows.Page page(AuthenticatedUser caller, String namePattern, Paging paging) {
        return rows.page(caller.id(), caller.isAdmin(), namePattern, paging);
    }

    @Transactional(readOnly = true)
    Detail detail(AuthenticatedUser caller, long id) {
        TeamRows.TeamRow team = visible(caller, id);
        return new Detail(team, rows.members(id));
    }

    @Transactional
    TeamRows.TeamRow create(AuthenticatedUser caller, String name, AuditEvent.Actor audit) {
        long id = rows.create(name, caller.id());
        events.publishEvent(new AuditEvent("CREATE", "team", id, audit, null, Map.of("name", name, "owner_id", caller.id()), "team created"));
        return rows.find(id, caller.id()).orElseThrow();
    }

    @Transactional
    TeamRows.TeamRow rename(AuthenticatedUser caller, long id, String name, AuditEvent.Actor audit) {
        TeamRows.TeamRow team = locked(caller, id);
        if (!TeamPolicy.canRename(caller.role(), team.callerRole())) {
            throw ApiException.forbidden("Admin access required");
        }
        if (name == null || name.equals(team.name())) {
            return team;
        }
        rows.rename(id, name);
        events.publishEvent(new AuditEvent("UPDATE", "team", id, audit, Map.of("name", team.name()), Map.of("name", name), "team renamed"));
        return rows.find(id, caller.id()).orElseThrow();
    }

    /** Only a team whose projects hold no tracked time can go; otherwise 409 says what to do instead. */
    @Transactional
    void delete(AuthenticatedUser caller, long id, AuditEvent.Actor audit) {
        TeamRows.TeamRow team = locked(caller, id);
        if (!TeamPolicy.canDelete(caller.role(), team.callerRole())) {
            throw ApiException.forbidden("Only team owner can delete");
        }
        TeamRows.Contents contents = rows.contents(id);
        if (contents.timeEntries() > 0) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "Team \"" + team.name() + "\" cannot be deleted: its projects hold "
                    + contents.timeEntries() + " time entries, and deleting tracked time is not allowed. Archive the team's projects instead.",
                    null, Map.of("time_entries", contents.timeEntries(), "projects", contents.projects()));
        }
        try {
            rows.delete(id);
        } catch (DataIntegrityViolationException e) {
            // time tracked on one of its projects since the check, or another record refers to the team
            throw ApiException.conflict("Team \"" + team.name() + "\" cannot be deleted: other records refer to it. Archive its projects instead.");
        }
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("name", team.name());
        old.put("owner_id", team.ownerId());
        old.put("members", team.memberCount());
        old.put("projects", contents.projects());
        old.put("tasks", contents.tasks());
        events.publishEvent(new AuditEvent("DELETE", "team", id, audit, old, null, "team deleted with its memberships, projects and tasks"));
    }

    @Transactional
    TeamRows.MemberRow addMember(AuthenticatedUser caller, long teamId, long userId, TeamRole role, AuditEvent.Actor audit) {
        TeamRows.TeamRow team = locked(caller, teamId);
        if (!TeamPolicy.canAddMember(caller.role(), team.callerRole(), role)) {
            throw ApiException.forbidden(role == TeamRole.OWNER && team.callerRole() == TeamRole.ADMIN
                    ? "Only a team owner can add an owner" : "Only team owners and admins can add members");
        }
        TeamRows.UserRow user = rows.user(userId).orElseThrow(() -> ApiException.notFound("User not found"));
        if (!rows.addMember(teamId, userId, role)) {
            throw ApiException.badRequest("User already a member");
        }
        events.publishEvent(new AuditEvent("MEMBER_ADD", "team", teamId, audit, null, Map.of("user_id", userId, "role", role.value()),
                "added " + user.email() + " to the team as " + role.value()));
        events.publishEvent(new MemberAdded(teamId, team.name(), userId, user.name(), role.value(), caller.id()));
        return rows.member(teamId, userId).orElseThrow();
    }

    @Transactional
    TeamRows.MemberRow changeRole(AuthenticatedUser caller, long teamId, long userId, TeamRole role, AuditEvent.Actor audit) {
        TeamRows.TeamRow team = locked(caller, teamId);
        if (!TeamPolicy.canChangeRoles(caller.role(), team.callerRole())) {
            throw ApiException.forbidden("Only team owner can change roles");
        }
        TeamRows.MemberRow member = rows.member(teamId, userId).orElseThrow(() -> ApiException.notFound("Member not found"));
        if (member.teamRole() == role) {
            return member;
        }
        if (member.teamRole() == TeamRole.OWNER && rows.owners(teamId) == 1) {
            throw ApiException.badRequest("Cannot demote the last owner; make another member owner first");
        }
        rows.changeRole(teamId, userId, role);
        rows.keepOwnerIdOnAnOwner(teamId);
        events.publishEvent(new AuditEvent("MEMBER_ROLE_CHANGE", "team", teamId, audit,
                Map.of("user_id", userId, "role", member.role()), Map.of("user_id", userId, "role", role.value()),
                member.userEmail() + " is now " + role.value()));
        return rows.member(teamId, userId).orElseThrow();
    }

    @Transactional
    void removeMember(AuthenticatedUser caller, long teamId, long userId, AuditEvent.Actor audit) {
        TeamRows.TeamRow team = locked(caller, teamId);
        TeamRows.MemberRow member = rows.member(teamId, userId).orElseThrow(() -> ApiException.notFound("Member not found"));
        if (!TeamPolicy.canRemoveMember(caller.role(), team.callerRole(), member.teamRole(), userId == caller.id())) {
            throw ApiException.forbidden(member.teamRole() == TeamRole.OWNER && team.callerRole() == TeamRole.ADMIN
                    ? "Only a team owner can remove an owner" : "Only team owners and admins can remove other members");
        }
        if (member.teamRole() == TeamRole.OWNER && rows.owners(teamId) == 1) {
            throw ApiException.badRequest("Cannot remove last owner");
        }
        rows.removeMember(teamId, userId);
        rows.keepOwnerIdOnAnOwner(teamId);
        events.publishEvent(new AuditEvent("MEMBER_REMOVE", "team", teamId, audit, Map.of("user_id", userId, "role", member.role()), null,
                userId == caller.id() ? member.userEmail() + " left the team" : "removed " + member.userEmail() + " from the team"));
    }

    private TeamRows.TeamRow visible(AuthenticatedUser caller, long id) {
        return rows.find(id, caller.id()).filter(team -> TeamPolicy.canSee(caller.role(), team.callerRole()))
                .orElseThrow(() -> ApiException.notFound("Team not found"));
    }

    /** The team, locked for this transaction, if the caller may see it. */
    private TeamRows.TeamRow locked(AuthenticatedUser caller, long id) {
        if (!rows.lock(id)) {
            throw ApiException.notFound("Team not found");
        }
        return visible(caller, id);
    }
}
