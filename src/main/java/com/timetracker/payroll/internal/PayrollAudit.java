package com.timetracker.payroll.internal;

import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.payroll.PayrollPolicy;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The audit trail of payroll: every change, and every read or export by an admin (V1 named
 * data.payroll.accessed/exported but never wrote them). Also the one admin gate of the controllers.
 */
@Component
class PayrollAudit {

    static final String READ = "PAYROLL_READ";
    static final String EXPORT = "PAYROLL_EXPORT";

    private final ApplicationEventPublisher events;
    private final ClientAddress clientAddress;

    PayrollAudit(ApplicationEventPublisher events, ClientAddress clientAddress) {
        this.events = events;
        this.clientAddress = clientAddress;
    }

    /** 403 unless the caller manages payroll. */
    static void requireAdmin(AuthenticatedUser me) {
        if (!PayrollPolicy.canManagePayroll(me.role())) {
            throw ApiException.forbidden("Admin access required");
        }
    }

    AuditEvent.Actor actor(HttpServletRequest request, AuthenticatedUser me) {
        return clientAddress.actor(request, me.id(), me.email());
    }

    /** A read by an admin (people reading their own pay are not recorded). */
    void read(HttpServletRequest request, AuthenticatedUser me, String resourceType, Long id, String details) {
        if (PayrollPolicy.canManagePayroll(me.role())) {
            events.publishEvent(AuditEvent.of(READ, resourceType, id, actor(request, me), details));
        }
    }

    void export(HttpServletRequest request, AuthenticatedUser me, String details) {
        events.publishEvent(AuditEvent.of(EXPORT, "payroll_report", null, actor(request, me), details));
    }

    void change(AuditEvent.Actor actor, String action, String resourceType, long id, Map<String, Object> before,
                Map<String, Object> after, String details) {
        events.publishEvent(new AuditEvent(action, resourceType, id, actor, before, after, details));
    }
}
