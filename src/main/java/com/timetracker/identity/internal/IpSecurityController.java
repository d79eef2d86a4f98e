package com.timetracker.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.identity.UserPolicy;
import com.timetracker.identity.internal.IpRuleSet.Kind;
import com.timetracker.platform.ApiException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * V1's {@code /api/security/ip} (reference §3.20), now enforced. V1 refused super admins here;
 * V2 lets admins and super admins manage the rules and managers read login history
 * ({@link UserPolicy}). A CIDR range is deleted with its prefix as one more path segment:
 * {@code DELETE /api/security/ip/blacklist/10.0.0.0/8}.
 */
@RestController
@RequestMapping("/api/security/ip")
class IpSecurityController {

    record IpRuleRequest(@NotNull @Size(max = IpRange.MAX_INPUT) String ipAddress, @Size(max = 500) String reason) {
    }

    record ListedRule(String ipAddress, String addedBy, Instant addedAt, String reason) {
    }

    record Outcome(String message, boolean success) {
    }

    record AddressCheck(String ipAddress, boolean isBlocked, boolean isWhitelisted, int failedAttempts) {
    }

    record Stats(long whitelistedIps, long blacklistedIps, long suspiciousEvents) {
    }

    private final IpSecurity security;
    private final LoginHistory history;
    private final Requests requests;

    IpSecurityController(IpSecurity security, LoginHistory history, Requests requests) {
        this.security = security;
        this.history = history;
        this.requests = requests;
    }

    @GetMapping("/whitelist")
    List<ListedRule> whitelist(@AuthenticationPrincipal AuthenticatedUser actor) {
        return list(actor, Kind.ALLOW);
    }

    @PostMapping("/whitelist")
    Outcome allow(@AuthenticationPrincipal AuthenticatedUser actor, @Valid @RequestBody IpRuleRequest body, HttpServletRequest request) {
        return add(actor, Kind.ALLOW, body, null, request);
    }

    @DeleteMapping({"/whitelist/{ip}", "/whitelist/{ip}/{prefix}"})
    Map<String, String> unallow(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String ip,
                                @PathVariable(required = false) String prefix, HttpServletRequest request) {
        return remove(actor, Kind.ALLOW, ip, prefix, request);
    }

    @GetMapping("/blacklist")
    List<ListedRule> blacklist(@AuthenticationPrincipal AuthenticatedUser actor) {
        return list(actor, Kind.DENY);
    }

    @PostMapping("/blacklist")
    Outcome deny(@AuthenticationPrincipal AuthenticatedUser actor, @Valid @RequestBody IpRuleRequest body, HttpServletRequest request) {
        return add(actor, Kind.DENY, body, "Manual block", request);
    }

    @DeleteMapping({"/blacklist/{ip}", "/blacklist/{ip}/{prefix}"})
    Map<String, String> undeny(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String ip,
                               @PathVariable(required = false) String prefix, HttpServletRequest request) {
        return remove(actor, Kind.DENY, ip, prefix, request);
    }

    @GetMapping("/suspicious")
    List<LoginHistory.Suspicious> suspicious(@AuthenticationPrincipal AuthenticatedUser actor,
                                             @RequestParam(required = false) Integer limit) {
        requireRuleAdmin(actor);
        return history.suspicious(limit(limit, 50, 200));
    }

    @GetMapping("/login-history/{email}")
    List<LoginHistory.Attempt> loginHistory(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String email,
                                            @RequestParam(required = false) Integer limit) {
        if (!UserPolicy.canViewLoginHistory(actor.role())) {
            throw ApiException.forbidden("Admin or manager access required");
        }
        if (email.length() > 255) {
            throw ApiException.invalid("email: must be at most 255 characters");
        }
        return history.of(email, limit(limit, 20, 100));
    }

    @GetMapping("/check/{ip}")
    AddressCheck check(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String ip) {
        requireRuleAdmin(actor);
        IpSecurity.AddressCheck check = security.check(IpRange.parseAddress(ip, "ip_address"));
        return new AddressCheck(check.ipAddress(), check.blocked(), check.allowListed(), check.failedAttempts());
    }

    @PostMapping("/clear-attempts/{ip}")
    Outcome clearAttempts(@AuthenticationPrincipal AuthenticatedUser actor, @PathVariable String ip, HttpServletRequest request) {
        requireRuleAdmin(actor);
        IpRange address = IpRange.parseAddress(ip, "ip_address");
        security.clearAttempts(address, requests.actor(request, actor));
        return new Outcome("Failed attempts cleared for IP " + address, true);
    }

    @GetMapping("/stats")
    Stats stats(@AuthenticationPrincipal AuthenticatedUser actor) {
        requireRuleAdmin(actor);
        IpSecurity.Stats stats = security.stats();
        return new Stats(stats.allowRules(), stats.denyRules(), stats.suspiciousEvents());
    }

    private List<ListedRule> list(AuthenticatedUser actor, Kind kind) {
        requireRuleAdmin(actor);
        return security.list(kind).stream().map(r -> new ListedRule(r.ipAddress(), r.addedBy(), r.addedAt(), r.reason())).toList();
    }

    private Outcome add(AuthenticatedUser actor, Kind kind, IpRuleRequest body, String defaultReason, HttpServletRequest request) {
        requireRuleAdmin(actor);
        IpRange range = IpRange.parse(body.ipAddress(), "ip_address");
        String reason = body.reason() == null || body.reason().isBlank() ? defaultReason : body.reason().strip();
        boolean added = security.add(kind, range, reason, requests.actor(request, actor));
        return added ? new Outcome("IP " + range + " added to " + kind.v1Name, true)
                : new Outcome("IP " + range + " is already in the " + kind.v1Name, false);
    }

    private Map<String, String> remove(AuthenticatedUser actor, Kind kind, String ip, String prefix, HttpServletRequest request) {
        requireRuleAdmin(actor);
        IpRange range = IpRange.parse(prefix == null ? ip : ip + "/" + prefix, "ip_address");
        security.remove(kind, range, requests.actor(request, actor));
        return Map.of("message", "IP " + range + " removed from " + kind.v1Name);
    }

    private static void requireRuleAdmin(AuthenticatedUser actor) {
        if (!UserPolicy.canManageIpRules(actor.role())) {
            throw ApiException.forbidden("Admin access required");
        }
    }

    /** V1's {@code limit} query parameter: out of range is a 422, not silently clamped. */
    private static int limit(Integer requested, int fallback, int max) {
        int value = requested == null ? fallback : requested;
        if (value < 1 || value > max) {
            throw ApiException.invalid("limit: must be between 1 and " + max);
        }
        return value;
    }
}
