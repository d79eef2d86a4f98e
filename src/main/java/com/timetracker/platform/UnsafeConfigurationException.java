package com.timetracker.platform;

/**
 * The configuration cannot be run safely; the app refuses to start and says what to change.
 * Startup prints {@link #getMessage()} and {@link #fix()} as one block (no stack trace).
 */
public class UnsafeConfigurationException extends RuntimeException {

    private final String fix;

    public UnsafeConfigurationException(String problem, String fix) {
        super(problem);
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
