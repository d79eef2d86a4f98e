package com.timetracker.ops;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import com.timetracker.ops.internal.PreflightRun;

/**
 * {@code java -jar timetracker.jar preflight [--env FILE] [--compose FILE...] [--nginx FILE] [--caddyfile FILE]}:
 * checks a deployment before it goes live (V1's Production Fixes Guide checklist) without starting the app.
 */
public final class Preflight {

    public static final String COMMAND = "preflight";

    private Preflight() {
    }

    /** The command line entry ({@code TimeTrackerApplication.main} dispatches here): runs and exits with its code. */
    public static void main(List<String> args) {
        PreflightRun.quietLogging();
        System.exit(run(args, System.getenv(), System.out));
    }

    /** Prints the checklist; returns the exit code: 0 no FAIL, 1 any FAIL, 2 bad arguments. */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out) {
        return PreflightRun.run(args, environment, out);
    }
}
