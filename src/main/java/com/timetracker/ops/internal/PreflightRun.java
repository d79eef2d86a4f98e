package com.timetracker.ops.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Reads the inputs, runs checks 1-9 and prints the checklist. */
public final class PreflightRun {

    private PreflightRun() {
    }

    public static int run(List<String> args, Map<String, String> environment, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(PreflightInputs.Options.USAGE);
            return 0;
        }
        PreflightInputs.Options options;
        try {
            options = PreflightInputs.Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        out.println("TimeTracker preflight - env: " + (options.env() == null ? "the process environment" : options.env())
                + (options.compose().isEmpty() ? "" : "; compose: " + options.compose())
                + (options.nginx() == null ? "" : "; nginx: " + options.nginx())
                + (options.caddyfile() == null ? "" : "; Caddyfile: " + options.caddyfile()));
        out.println();
        Checklist list = check(options, environment);
        list.print(out);
        return list.failed() ? 1 : 0;
    }

    /** The checklist for these arguments (tests call this; bad arguments throw IllegalArgumentException). */
    public static Checklist check(List<String> args, Map<String, String> environment) {
        return check(PreflightInputs.Options.parse(args), environment);
    }

    private static Checklist check(PreflightInputs.Options options, Map<String, String> environment) {
        Checklist list = new Checklist();
        PreflightInputs inputs = PreflightInputs.read(options, environment, list);
        new TopologyChecks(inputs, list).run();
        new ServiceChecks(inputs, list).run();
        return list;
    }

    /** Flyway and the JDBC driver log through Logback, which prints DEBUG without Spring Boot's setup. */
    public static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
