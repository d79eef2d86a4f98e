package com.timetracker.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The IP rules in force, held in memory so that checking an address costs no query per request.
 * The set is reloaded after every change on this node and every 30 s (configurable) so that
 * several nodes converge on changes made elsewhere. A reload that fails keeps the last good set:
 * a database hiccup must not silently lift the rules.
 */
@Component
class IpRules {

    private static final Logger log = LoggerFactory.getLogger(IpRules.class);

    private final JdbcClient jdbc;
    private volatile IpRuleSet current;

    IpRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    IpRuleSet current() {
        IpRuleSet rules = current;
        if (rules == null) {
            synchronized (this) {
                if (current == null) {
                    current = load(); // first use; fails (and the request with it) rather than run without rules
                }
                rules = current;
            }
        }
        return rules;
    }

    IpRuleSet.Verdict decide(String clientAddress) {
        return current().decide(clientAddress);
    }

    /** Reads the rules from PostgreSQL (not the cache): the truth for a change being decided. */
    IpRuleSet load() {
        List<IpRange> allow = new ArrayList<>();
        List<IpRange> deny = new ArrayList<>();
        jdbc.sql("SELECT kind, cidr FROM ip_rules ORDER BY id").query((row, n) -> {
            String cidr = row.getString("cidr");
            try {
                (IpRuleSet.Kind.ALLOW.value.equals(row.getString("kind")) ? allow : deny).add(IpRange.parse(cidr, "cidr"));
            } catch (RuntimeException e) {
                // only hand-written SQL can put one here; one bad row must not stop every request
                log.warn("Ignoring IP rule '{}': it is not an address or CIDR range", cidr);
            }
            return cidr;
        }).list();
        return new IpRuleSet(List.copyOf(allow), List.copyOf(deny));
    }

    void reload() {
        current = load();
    }

    @Scheduled(initialDelayString = "${timetracker.ip-rules.refresh-interval:30s}",
            fixedDelayString = "${timetracker.ip-rules.refresh-interval:30s}")
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.warn("Could not reload the IP rules; the previous set stays in force: {}", e.getMessage());
        }
    }
}
