package com.timetracker.identity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.timetracker.platform.AuditEvent;
import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.PasswordHashing;
import com.timetracker.identity.Role;
import com.timetracker.identity.StaffMemberCreated;
import com.timetracker.identity.UserPolicy;
import com.timetracker.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What administrators do to accounts, each action authorized by {@link UserPolicy}. */
@Service
class UserAdministration {

    /** The {@code manager_id} of an update that removes the manager. */
    static final long NO_MANAGER = 0;

    /** Staff profile fields as V1's POST/PUT /api/users take them. */
    record StaffProfile(String phone, String address, String emergencyContactName, String emergencyContactPhone,
                        String jobTitle, String department, String employmentType, LocalDate startDate,
                        BigDecimal expectedHoursPerWeek, Long managerId) {
    }

    private final UserAccounts users;
    private final UserSessions sessions;
    private final LoginLockout lockout;
    private final PasswordHashing hashing;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(UserAccounts users, UserSessions sessions, LoginLockout lockout, PasswordHashing hashing, JdbcClient jdbc,
                       ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.lockout = lockout;
        this.hashing = hashing;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    static void requireManager(AuthenticatedUser actor) {
        if (!UserPolicy.canManageUsers(actor.role())) {
            throw ApiException.forbidden("Admin access required");
        }
    }

    UserAccount target(AuthenticatedUser actor, long id) {
        requireManager(actor);
        UserAccount user = users.findById(id).filter(u -> u.deletedAt() == null)
                .orElseThrow(() -> ApiException.notFound("User not found"));
        return user;
    }

    private UserAccount manageable(AuthenticatedUser actor, long id) {
        UserAccount user = target(actor, id);
        if (!UserPolicy.canManage(actor.role(), user.roleOrRegular())) {
            throw ApiException.forbidden("Only a super admin can change a super admin's account");
        }
        return user;
    }

    @Transactional
    UserAccount create(AuthenticatedUser actor, String email, String password, String name, Role role, StaffProfile staff,
                       List<Long> teamIds, StaffMemberCreated.InitialPayRate payRate, AuditEvent.Actor audit) {
        requireManager(actor);
        if (!UserPolicy.canGrant(actor.role(), role)) {
            throw ApiException.forbidden("Only a super admin can create a super admin");
        }
        PasswordRules.require(password);
        if (users.emailTaken(email, -1)) {
            throw ApiException.conflict("Email already registered");
        }
        requireManagerExists(staff.managerId(), -1);
        long id = users.create(email.strip(), hashing.hash(password), name.strip(), role.value());
        updateStaff(id, staff);
        if (!teamIds.isEmpty() || payRate != null) {
            events.publishEvent(new StaffMemberCreated(id, actor.id(), teamIds, payRate));
        }
        events.publishEvent(new AuditEvent("CREATE", "user", id, audit, null,
                Map.of("email", email.strip().toLowerCase(), "role", role.value(), "name", name.strip()), "user created by an administrator"));
        return users.findById(id).orElseThrow();
    }

    @Transactional
    UserAccount update(AuthenticatedUser actor, long id, String name, String email, Boolean active, StaffProfile staff,
                       AuditEvent.Actor audit) {
        UserAccount current = manageable(actor, id);
        if (email != null && users.emailTaken(email, id)) {
            throw ApiException.conflict("Email already in use");
        }
        if (Boolean.FALSE.equals(active) && current.isActive()) {
            deactivate(actor, id, audit);
        }
        if (Boolean.TRUE.equals(active) && !current.isActive()) {
            jdbc.sql("UPDATE users SET is_active = true, updated_at = now() WHERE id = :id").param("id", id).update();
        }
        if (staff.managerId() != null && staff.managerId() != NO_MANAGER) {
            requireManagerExists(staff.managerId(), id);
        }
        users.updateProfile(id, name == null ? current.name() : name.strip(), email == null ? current.email() : email.strip(), current.timezone());
        updateStaff(id, merge(current, staff));
        UserAccount updated = users.findById(id).orElseThrow();
        events.publishEvent(new AuditEvent("UPDATE", "user", id, audit, snapshot(current), snapshot(updated), "user updated by an administrator"));
        return updated;
    }

    /** V1's DELETE /api/users/{id}: the account stays (its time is history) but can no longer sign in. */
    @Transactional
    void deactivate(AuthenticatedUser actor, long id, AuditEvent.Actor audit) {
        UserAccount user = manageable(actor, id);
        if (id == actor.id()) {
            throw ApiException.badRequest("Cannot deactivate yourself");
        }
        requireAnotherActiveSuperAdmin(user);
        jdbc.sql("UPDATE users SET is_active = false, updated_at = now() WHERE id = :id").param("id", id).update();
        int revoked = sessions.revokeAllOf(id, null, "deactivated", clock.instant());
        events.publishEvent(new AuditEvent("DEACTIVATE", "user", id, audit, Map.of("is_active", true), Map.of("is_active", false),
                "deactivated; " + revoked + " session(s) ended"));
    }

    /** Only an account nothing refers to can be erased; otherwise 409 says what still refers to it. */
    @Transactional
    String deletePermanently(AuthenticatedUser actor, long id, AuditEvent.Actor audit) {
        UserAccount user = manageable(actor, id);
        if (id == actor.id()) {
            throw ApiException.badRequest("Cannot delete yourself");
        }
        requireAnotherActiveSuperAdmin(user);
        Map<String, Long> references = references(id);
        if (!references.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "conflict",
                    "User " + user.email() + " cannot be deleted permanently because other records refer to it: " + references
                            + ". Deactivate the account instead.", Map.of("references", references));
        }
        jdbc.sql("DELETE FROM user_sessions WHERE user_id = :id").param("id", id).update();
        jdbc.sql("UPDATE users SET manager_id = NULL WHERE manager_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update();
        lockout.unlock(user.email());
        events.publishEvent(new AuditEvent("DELETE", "user", id, audit, snapshot(user), null, "permanently deleted"));
        return user.email();
    }

    @Transactional
    UserAccount changeRole(AuthenticatedUser actor, long id, Role role, AuditEvent.Actor audit) {
        if (id == actor.id()) {
            requireManager(actor);
            throw ApiException.badRequest("Cannot change your own role");
        }
        UserAccount user = manageable(actor, id);
        if (!UserPolicy.canGrant(actor.role(), role)) {
            throw ApiException.forbidden("Only a super admin can make someone a super admin");
        }
        if (role != Role.SUPER_ADMIN) {
            requireAnotherActiveSuperAdmin(user);
        }
        jdbc.sql("UPDATE users SET role = :role, updated_at = now() WHERE id = :id").param("role", role.value()).param("id", id).update();
        events.publishEvent(new AuditEvent("ROLE_CHANGE", "user", id, audit, Map.of("role", user.role()), Map.of("role", role.value()), null));
        return users.findById(id).orElseThrow();
    }

    @Transactional
    void unlock(AuthenticatedUser actor, long id, AuditEvent.Actor audit) {
        UserAccount user = manageable(actor, id);
        lockout.unlock(user.email());
        events.publishEvent(AuditEvent.of("ACCOUNT_UNLOCKED", "user", id, audit, "sign-in lock lifted by an administrator"));
    }

    private void requireAnotherActiveSuperAdmin(UserAccount user) {
        if (user.roleOrRegular() != Role.SUPER_ADMIN || !user.isActive()) {
            return;
        }
        long others = jdbc.sql("SELECT count(*) FROM users WHERE role = 'super_admin' AND is_active AND deleted_at IS NULL AND id <> :id")
                .param("id", user.id()).query(Long.class).single();
        if (others == 0) {
            throw ApiException.conflict("This is the last active super admin; make someone else super admin first");
        }
    }

    private void requireManagerExists(Long managerId, long self) {
        if (managerId == null) {
            return;
        }
        if (managerId == self) {
            throw ApiException.invalid("manager_id: a user cannot be their own manager");
        }
        if (users.findById(managerId).filter(u -> u.deletedAt() == null).isEmpty()) {
            throw ApiException.invalid("manager_id: user " + managerId + " does not exist");
        }
    }

    private void updateStaff(long id, StaffProfile staff) {
        jdbc.sql("""
                        UPDATE users SET phone = :phone, address = :address, emergency_contact_name = :ecName,
                            emergency_contact_phone = :ecPhone, job_title = :jobTitle, department = :department,
                            employment_type = :employmentType, start_date = :startDate,
                            expected_hours_per_week = :hours, manager_id = :manager, updated_at = now()
                        WHERE id = :id""")
                .param("phone", staff.phone()).param("address", staff.address())
                .param("ecName", staff.emergencyContactName()).param("ecPhone", staff.emergencyContactPhone())
                .param("jobTitle", staff.jobTitle()).param("department", staff.department())
                .param("employmentType", staff.employmentType()).param("startDate", staff.startDate())
                .param("hours", staff.expectedHoursPerWeek()).param("manager", staff.managerId() == null ? null : staff.managerId().intValue())
                .param("id", id).update();
    }

    /**
     * Fields absent from an update (or null) keep their value; a blank text clears it, and
     * {@code manager_id} {@value #NO_MANAGER} removes the manager (JSON null cannot be told from absent).
     */
    private static StaffProfile merge(UserAccount current, StaffProfile change) {
        return new StaffProfile(
                text(change.phone(), current.phone()),
                text(change.address(), current.address()),
                text(change.emergencyContactName(), current.emergencyContactName()),
                text(change.emergencyContactPhone(), current.emergencyContactPhone()),
                text(change.jobTitle(), current.jobTitle()),
                text(change.department(), current.department()),
                change.employmentType() != null ? change.employmentType() : current.employmentType(),
                change.startDate() != null ? change.startDate() : current.startDate(),
                change.expectedHoursPerWeek() != null ? change.expectedHoursPerWeek() : current.expectedHoursPerWeek(),
                change.managerId() == null ? current.managerId() : change.managerId() == NO_MANAGER ? null : change.managerId());
    }

    private static String text(String change, String current) {
        if (change == null) {
            return current;
        }
        return change.isBlank() ? null : change.strip();
    }

    /** Rows elsewhere that refer to the user, by table; empty when none. */
    private Map<String, Long> references(long id) {
        Map<String, Long> found = new LinkedHashMap<>();
        String[][] checks = {
                {"time_entries", "SELECT count(*) FROM time_entries WHERE user_id = :id"},
                {"teams owned", "SELECT count(*) FROM teams WHERE owner_id = :id"},
                {"team memberships", "SELECT count(*) FROM team_members WHERE user_id = :id"},
                {"pay_rates", "SELECT count(*) FROM pay_rates WHERE user_id = :id OR created_by = :id"},
                {"pay_rate_history", "SELECT count(*) FROM pay_rate_history WHERE changed_by = :id"},
                {"payroll_entries", "SELECT count(*) FROM payroll_entries WHERE user_id = :id"},
                {"payroll_periods approved", "SELECT count(*) FROM payroll_periods WHERE approved_by = :id"},
                {"payroll_adjustments", "SELECT count(*) FROM payroll_adjustments WHERE created_by = :id"}};
        for (String[] check : checks) {
            long count = jdbc.sql(check[1]).param("id", id).query(Long.class).single();
            if (count > 0) {
                found.put(check[0], count);
            }
        }
        return found;
    }

    private static Map<String, Object> snapshot(UserAccount user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", user.email());
        values.put("name", user.name());
        values.put("role", user.role());
        values.put("is_active", user.isActive());
        values.put("job_title", user.jobTitle());
        values.put("department", user.department());
        return values;
    }
}
