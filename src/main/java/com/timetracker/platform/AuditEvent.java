package com.timetracker.platform;

import java.util.Map;


/**
 * Something worth a row in the audit trail (the audit module writes it; every module may publish
 * it, so its type lives in the shared platform). Publish it with Spring's {@code ApplicationEventPublisher}:
 * inside a transaction it is written only if that transaction commits; outside one (a failed login)
 * it is written at once.
 *
 * @param action       V1's vocabulary (CREATE, UPDATE, DELETE, LOGIN, LOGOUT, PASSWORD_CHANGE,
 *                     ROLE_CHANGE, ...) extended with LOGIN_FAILED, ACCOUNT_LOCKED, TOKEN_REUSE, ...
 * @param resourceType e.g. {@code user}, {@code session}, {@code account_request}
 */
public record AuditEvent(
        String action,
        String resourceType,
        Long resourceId,
        Actor actor,
        Map<String, Object> oldValues,
        Map<String, Object> newValues,
        String details) {

    /** Who did it and from where; {@code id} and {@code email} are null for anonymous callers. */
    public record Actor(Long id, String email, String ipAddress, String userAgent) {
    }

    public static AuditEvent of(String action, String resourceType, Long resourceId, Actor actor, String details) {
        return new AuditEvent(action, resourceType, resourceId, actor, null, null, details);
    }
}
