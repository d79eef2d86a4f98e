package com.timetracker.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.timetracker.platform.AuditEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** Writes each {@link AuditEvent} to {@code audit_logs}, together with the change it describes. */
@Component
class AuditTrailWriter {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrailWriter(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Written inside the transaction of the change it records (so it exists exactly when the change
     * does, and needs no second connection); an event published outside a transaction — a failed
     * sign-in — is written at once.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    public void on(AuditEvent event) {
        AuditEvent.Actor actor = event.actor();
        jdbc.sql("""
                        INSERT INTO audit_logs ("timestamp", user_id, user_email, action, resource_type, resource_id,
                                                ip_address, user_agent, old_values, new_values, details)
                        VALUES (:at, :user, :email, :action, :type, :resource, :ip, :ua, :old, :new, :details)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("user", actor == null || actor.id() == null ? null : actor.id().intValue())
                .param("email", actor == null ? null : actor.email())
                .param("action", event.action())
                .param("type", event.resourceType())
                .param("resource", event.resourceId() == null ? null : event.resourceId().intValue())
                .param("ip", actor == null ? null : truncate(actor.ipAddress(), 50))
                .param("ua", actor == null ? null : truncate(actor.userAgent(), 500))
                .param("old", toJson(event.oldValues()))
                .param("new", toJson(event.newValues()))
                .param("details", event.details())
                .update();
    }

    private String toJson(Map<String, Object> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
