package com.timetracker.identity.internal;

import com.timetracker.platform.Rows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.timetracker.identity.internal.IpRuleSet.Kind;
import com.timetracker.platform.ApiException;
import com.timetracker.platform.AuditEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What administrators do with IP rules (V1's /api/security/ip). Every change is audited, takes
 * effect on this node as soon as it commits, and is refused when it would refuse the
 * administrator's own address: nobody locks themselves (and often everyone) out by mistake.
 */
@Service
class IpSecurity {

    /** Per list; the whole set is checked on every request, and wider ranges beat long lists. */
    static final int MAX_RULES = 1000;
    /** How far back the check endpoint counts failed sign-ins (V1 kept its per-address counter 30 min). */
    static final Duration RECENT_FAILURES = Duration.ofMinutes(30);

    /** V1's list item; V1 showed the reason on the blacklist only, V2 on both. */
    record Rule(long id, String ipAddress, String addedBy, Instant addedAt, String reason) {
    }

    record AddressCheck(String ipAddress, boolean blocked, boolean allowListed, int failedAttempts) {
    }

    record Stats(long allowRules, long denyRules, long suspiciousEvents) {
    }

    private final JdbcClient jdbc;
    private final IpRules rules;
    private final LoginLockout lockout;
    private final LoginHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IpSecurity(JdbcClient jdbc, IpRules rules, LoginLockout lockout, LoginHistory history, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.lockout = lockout;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    List<Rule> list(Kind kind) {
        return jdbc.sql("""
                        SELECT id, cidr AS ip_address, added_by, added_at, reason FROM ip_rules
                        WHERE kind = :kind ORDER BY added_at DESC, id DESC LIMIT :max""")
                .param("kind", kind.value).param("max", MAX_RULES)
                .query(Rows.of(Rule.class)).list();
    }

    /** False when the rule is already there (V1's {@code success: false}). */
    @Transactional
    boolean add(Kind kind, IpRange range, String reason, AuditEvent.Actor actor) {
        serializeChanges();
        if (find(kind, range).isPresent()) {
            return false;
        }
        if (count(kind) >= MAX_RULES) {
            throw ApiException.badRequest("The " + kind.v1Name + " already holds " + MAX_RULES + " entries; remove some or use a wider CIDR range");
        }
        requireOwnAccess(rules.load().with(kind, range), actor, kind == Kind.ALLOW
                ? "When the allow list is in use only the addresses on it may use the API, and this rule does not cover yours. Add a rule that covers your address first."
                : "This deny rule covers your address. If you mean it, add an allow rule for your own address first (allow beats deny).");
        long id = jdbc.sql("""
                        INSERT INTO ip_rules (kind, cidr, reason, added_by, added_at) VALUES (:kind, :cidr, :reason, :by, :at)
                        RETURNING id""")
                .param("kind", kind.value).param("cidr", range.toString()).param("reason", reason)
                .param("by", actor.email()).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind.value);
        values.put("cidr", range.toString());
        values.put("reason", reason);
        events.publishEvent(new AuditEvent("IP_RULE_ADD", "ip_rule", id, actor, null, values, range + " added to the " + kind.v1Name));
        reloadAfterCommit();
        return true;
    }

    @Transactional
    void remove(Kind kind, IpRange range, AuditEvent.Actor actor) {
        serializeChanges();
        Rule rule = find(kind, range).orElseThrow(() -> ApiException.notFound("IP not found in " + kind.v1Name));
        requireOwnAccess(rules.load().without(kind, range), actor,
                "This allow rule is what admits your address. Add another rule that covers it first, or remove every allow rule to stop using the allow list.");
        jdbc.sql("DELETE FROM ip_rules WHERE id = :id").param("id", rule.id()).update();
        if (kind == Kind.DENY && range.isSingleAddress()) {
            lockout.forgetAddress(range.spellings()); // as V1 did: unblocking an address also forgets its failed attempts
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", kind.value);
        values.put("cidr", rule.ipAddress());
        values.put("reason", rule.reason());
        values.put("added_by", rule.addedBy());
        events.publishEvent(new AuditEvent("IP_RULE_REMOVE", "ip_rule", rule.id(), actor, values, null,
                range + " removed from the " + kind.v1Name));
        reloadAfterCommit();
    }

    /** Whether the rules would refuse this address (as they are in the database now), and its recent failed sign-ins. */
    AddressCheck check(IpRange address) {
        IpRuleSet now = rules.load();
        return new AddressCheck(address.toString(), now.decide(address.toString()).refused(), now.allowListed(address),
                lockout.failuresFrom(address.spellings(), clock.instant().minus(RECENT_FAILURES)));
    }

    @Transactional
    void clearAttempts(IpRange address, AuditEvent.Actor actor) {
        int cleared = lockout.forgetAddress(address.spellings());
        events.publishEvent(AuditEvent.of("LOGIN_ATTEMPTS_CLEARED", "ip_address", null, actor,
                "failed sign-ins and locks from " + address + " cleared (" + cleared + " row(s))"));
    }

    Stats stats() {
        return new Stats(count(Kind.ALLOW), count(Kind.DENY), history.suspiciousCount());
    }

    /** Two administrators changing rules at once must each see the other's change before the lock-out check. */
    private void serializeChanges() {
        jdbc.sql("LOCK TABLE ip_rules IN SHARE ROW EXCLUSIVE MODE").update();
    }

    private Optional<Rule> find(Kind kind, IpRange range) {
        return jdbc.sql("SELECT id, cidr AS ip_address, added_by, added_at, reason FROM ip_rules WHERE kind = :kind AND cidr = :cidr")
                .param("kind", kind.value).param("cidr", range.toString())
                .query(Rows.of(Rule.class)).optional();
    }

    private long count(Kind kind) {
        return jdbc.sql("SELECT count(*) FROM ip_rules WHERE kind = :kind").param("kind", kind.value).query(Long.class).single();
    }

    private static void requireOwnAccess(IpRuleSet after, AuditEvent.Actor actor, String hint) {
        if (after.decide(actor.ipAddress()).refused()) {
            throw ApiException.badRequest("Refused: after this change your own address (" + actor.ipAddress()
                    + ") could no longer use the API, so you would lock yourself out. " + hint);
        }
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rules.refresh();
            }
        });
    }
}
