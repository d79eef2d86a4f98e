package com.timetracker.mail.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When a message SMTP did not take is tried again: after {@code base × 2^(attempts-1)}, never more
 * than {@code max} apart, and not at all once {@code maxAttempts} attempts have failed.
 */
record RetrySchedule(Duration base, Duration max, int maxAttempts) {

    static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 10);

    RetrySchedule {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs 0 < base <= max and at least one attempt");
        }
    }

    /**
     * @param failedAttempts attempts made so far, the one that just failed included
     * @return the wait before the next attempt, or empty when the message is given up
     */
    Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 62 || base.toMillis() > (max.toMillis() >> doublings)) {
            return Optional.of(max);
        }
        Duration delay = base.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
