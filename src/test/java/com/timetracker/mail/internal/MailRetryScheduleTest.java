package com.timetracker.mail.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailRetryScheduleTest {

    @Test
    void retriesBackOffFromThirtySecondsDoublingUpToAnHourAndStopAfterTenAttempts() {
        assertThat(IntStream.rangeClosed(1, 11).mapToObj(RetrySchedule.DEFAULT::delayAfter).toList()).containsExactly(
                Optional.of(Duration.ofSeconds(30)), Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ofMinutes(2)),
                Optional.of(Duration.ofMinutes(4)), Optional.of(Duration.ofMinutes(8)), Optional.of(Duration.ofMinutes(16)),
                Optional.of(Duration.ofMinutes(32)), Optional.of(Duration.ofHours(1)), Optional.of(Duration.ofHours(1)),
                Optional.empty(), Optional.empty());
    }

    @Test
    void manyAttemptsNeverOverflowTheCap() {
        assertThat(new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), 1000).delayAfter(200)).contains(Duration.ofHours(1));
    }
}
