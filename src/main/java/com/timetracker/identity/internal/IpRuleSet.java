package com.timetracker.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IP rules in force at one moment, and the one decision they make about a client address.
 * Immutable: the cache swaps in a whole new set on change, so a request never sees half a reload.
 */
record IpRuleSet(List<IpRange> allow, List<IpRange> deny) {

    static final IpRuleSet EMPTY = new IpRuleSet(List.of(), List.of());

    /** V1 called the lists whitelist and blacklist; its paths and messages keep those names. */
    enum Kind {
        ALLOW("allow", "whitelist"), DENY("deny", "blacklist");

        final String value;
        final String v1Name;

        Kind(String value, String v1Name) {
            this.value = value;
            this.v1Name = v1Name;
        }
    }

    enum Verdict {
        ALLOWED(null), DENIED("ip_denied"), NOT_ALLOWED("ip_not_on_allow_list");

        /** Why an address was refused, as login history and the audit trail record it. */
        final String reason;

        Verdict(String reason) {
            this.reason = reason;
        }

        boolean refused() {
            return this != ALLOWED;
        }

        String message(String address) {
            return this == DENIED
                    ? "Access from your address (" + address + ") is blocked by an IP rule."
                    : "Access from your address (" + address + ") is not allowed: only addresses on this server's IP allow list may use it.";
        }
    }

    /**
     * Loopback is always allowed, so an operator on the host can repair a bad rule; an address on
     * the allow list is allowed even if a deny rule covers it (allow a host inside a denied range);
     * with a non-empty allow list every other address is refused.
     */
    Verdict decide(String address) {
        if (allow.isEmpty() && deny.isEmpty()) {
            return Verdict.ALLOWED;
        }
        Optional<byte[]> bytes = IpRange.bytes(address);
        if (bytes.isPresent() && (IpRange.isLoopback(bytes.get()) || matches(allow, bytes.get()))) {
            return Verdict.ALLOWED;
        }
        if (bytes.isPresent() && matches(deny, bytes.get())) {
            return Verdict.DENIED;
        }
        // an address that cannot be read is refused whenever an allow list exists (fail closed)
        return allow.isEmpty() ? Verdict.ALLOWED : Verdict.NOT_ALLOWED;
    }

    boolean allowListed(IpRange address) {
        return IpRange.bytes(address.toString()).map(bytes -> matches(allow, bytes)).orElse(false);
    }

    IpRuleSet with(Kind kind, IpRange range) {
        List<IpRange> changed = new ArrayList<>(of(kind));
        changed.add(range);
        return replace(kind, changed);
    }

    IpRuleSet without(Kind kind, IpRange range) {
        List<IpRange> changed = new ArrayList<>(of(kind));
        changed.removeIf(r -> r.toString().equals(range.toString()));
        return replace(kind, changed);
    }

    private List<IpRange> of(Kind kind) {
        return kind == Kind.ALLOW ? allow : deny;
    }

    private IpRuleSet replace(Kind kind, List<IpRange> changed) {
        return kind == Kind.ALLOW ? new IpRuleSet(List.copyOf(changed), deny) : new IpRuleSet(allow, List.copyOf(changed));
    }

    private static boolean matches(List<IpRange> ranges, byte[] address) {
        for (IpRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
