package com.timetracker.audit.internal;

import com.timetracker.platform.Rows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.UserPolicy;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit-logs} (new in V2): the audit trail for admins, filtered and paged in the database. */
@RestController
class AuditLogController {

    record AuditLogEntry(long id, Instant timestamp, Long userId, String userEmail, String action, String resourceType,
                         Long resourceId, String ipAddress, String userAgent, String oldValues, String newValues, String details) {
    }

    private static final String FILTER = """
            WHERE (CAST(:actor AS integer) IS NULL OR user_id = CAST(:actor AS integer))
              AND (CAST(:action AS text) IS NULL OR action = CAST(:action AS text))
              AND (CAST(:type AS text) IS NULL OR resource_type = CAST(:type AS text))
              AND (CAST(:resource AS integer) IS NULL OR resource_id = CAST(:resource AS integer))
              AND (CAST(:since AS timestamptz) IS NULL OR "timestamp" >= CAST(:since AS timestamptz))
              AND (CAST(:until AS timestamptz) IS NULL OR "timestamp" < CAST(:until AS timestamptz))""";

    private final JdbcClient jdbc;

    AuditLogController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/audit-logs")
    Paging.Page<AuditLogEntry> list(@AuthenticationPrincipal AuthenticatedUser actor,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(name = "page_size", required = false) Integer pageSize,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(name = "user_id", required = false) Integer userId,
                                    @RequestParam(required = false) String action,
                                    @RequestParam(name = "resource_type", required = false) String resourceType,
                                    @RequestParam(name = "resource_id", required = false) Integer resourceId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until) {
        if (!UserPolicy.canReadAuditTrail(actor.role())) {
            throw ApiException.forbidden("Admin access required");
        }
        Paging paging = Paging.of(page, pageSize, size);
        String actionFilter = action == null || action.isBlank() ? null : action.strip().toUpperCase();
        String typeFilter = resourceType == null || resourceType.isBlank() ? null : resourceType.strip();
        long total = jdbc.sql("SELECT count(*) FROM audit_logs " + FILTER)
                .param("actor", userId).param("action", actionFilter).param("type", typeFilter).param("resource", resourceId)
                .param("since", since).param("until", until)
                .query(Long.class).single();
        List<AuditLogEntry> rows = jdbc.sql("""
                        SELECT id, "timestamp", user_id, user_email, action, resource_type, resource_id, ip_address, user_agent,
                               old_values, new_values, details
                        FROM audit_logs""" + " " + FILTER + " ORDER BY \"timestamp\" DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("actor", userId).param("action", actionFilter).param("type", typeFilter).param("resource", resourceId)
                .param("since", since).param("until", until)
                .param("limit", paging.pageSize()).param("offset", paging.offset())
                .query(Rows.of(AuditLogEntry.class)).list();
        return paging.page(rows, total, row -> row);
    }
}
