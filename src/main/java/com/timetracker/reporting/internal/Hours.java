package com.timetracker.reporting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hours as reports show them: {@code round(seconds / 3600, 2)}, from summed seconds, never summed themselves. */
final class Hours {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Hours() {
    }

    static BigDecimal of(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
