package com.timetracker.tracking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;
import com.timetracker.platform.ClientAddress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** V1's {@code /api/approvals} (reference §3.19), working and scoped to the teams the caller approves for. */
@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

    record Bulk(@NotNull @Size(max = 500) List<@NotNull Long> entryIds,
                @NotNull @Pattern(regexp = "pending|approved|rejected", message = "must be pending, approved or rejected") String status,
                @Size(max = 1000) String rejectionReason) {
    }

    private final Approvals approvals;
    private final ClientAddress clientAddress;
    private final Clock clock;

    ApprovalController(Approvals approvals, ClientAddress clientAddress, Clock clock) {
        this.approvals = approvals;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @GetMapping("/pending")
    List<Approvals.Pending> pending(@AuthenticationPrincipal AuthenticatedUser user,
                                    @RequestParam(name = "user_id", required = false) Long userId,
                                    @RequestParam(name = "project_id", required = false) Long projectId,
                                    @RequestParam(defaultValue = "0") int skip,
                                    @RequestParam(defaultValue = "50") int limit) {
        if (skip < 0 || limit < 1 || limit > 200) {
            throw ApiException.invalid("skip must be 0 or more and limit between 1 and 200");
        }
        return approvals.pending(user, userId, projectId, skip, limit);
    }

    @GetMapping("/stats")
    Approvals.Stats stats(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(name = "user_id", required = false) Long userId) {
        return approvals.stats(user, userId);
    }

    @PatchMapping("/{id}/approve")
    Map<String, Object> approve(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, HttpServletRequest request) {
        requireChange(approvals.decide(user, List.of(id), "approved", null, actor(request, user)), "approved");
        return decision("Entry approved", id, "approved", "approved_by", user);
    }

    @PatchMapping("/{id}/reject")
    Map<String, Object> reject(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id,
                               @RequestParam(name = "rejection_reason", required = false) String reason, HttpServletRequest request) {
        if (reason != null && reason.length() > 1000) {
            throw ApiException.invalid("rejection_reason: at most 1000 characters");
        }
        requireChange(approvals.decide(user, List.of(id), "rejected", reason, actor(request, user)), "rejected");
        Map<String, Object> body = decision("Entry rejected", id, "rejected", "rejected_by", user);
        body.put("reason", reason);
        return body;
    }

    @PatchMapping("/{id}/reset")
    Map<String, Object> reset(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable long id, HttpServletRequest request) {
        approvals.decide(user, List.of(id), "pending", null, actor(request, user));
        return new LinkedHashMap<>(Map.of("message", "Entry reset to pending", "entry_id", id, "status", "pending"));
    }

    @PostMapping("/bulk")
    Map<String, Object> bulk(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody Bulk body, HttpServletRequest request) {
        if (body.entryIds().isEmpty()) {
            throw ApiException.badRequest("No entry IDs provided");
        }
        List<Long> ids = body.entryIds().stream().distinct().toList();
        List<Long> changed = approvals.decide(user, ids, body.status(), body.rejectionReason(), actor(request, user));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", changed.size() + " entries set to " + body.status());
        result.put("total_entries", ids.size());
        result.put("updated_count", changed.size());
        result.put("status", body.status());
        result.put("processed_by", user.id());
        result.put("processed_at", Instant.now(clock).toString());
        return result;
    }

    private static void requireChange(List<Long> changed, String status) {
        if (changed.isEmpty()) {
            throw ApiException.badRequest("Entry already " + status);
        }
    }

    private Map<String, Object> decision(String message, long id, String status, String byField, AuthenticatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("entry_id", id);
        body.put("status", status);
        body.put(byField, user.id());
        body.put(byField.replace("_by", "_at"), Instant.now(clock).toString());
        return body;
    }

    private AuditEvent.Actor actor(HttpServletRequest request, AuthenticatedUser user) {
        return clientAddress.actor(request, user.id(), user.email());
    }
}
