package com.timetracker.support;

import com.timetracker.platform.UnsafeConfigurationException;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Asserts that starting something is refused with an {@link UnsafeConfigurationException}, however deep. */
public final class Refusal {

    private Refusal() {
    }

    public static UnsafeConfigurationException of(Executable start) {
        Throwable thrown = assertThrows(Throwable.class, start);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnsafeConfigurationException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("Expected a refused configuration, got " + thrown, thrown);
    }
}
