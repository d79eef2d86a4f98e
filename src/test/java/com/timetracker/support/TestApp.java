package com.timetracker.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.timetracker.TimeTrackerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application in-process, configured by V1-style arguments, on a free port. */
public final class TestApp {

    private TestApp() {
    }

    public static ConfigurableApplicationContext start(String... settings) {
        return start(null, settings);
    }

    /** As {@link #start(String...)}, with this clock as the app's clock (several nodes may share one). */
    public static ConfigurableApplicationContext start(TestClock clock, String... settings) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--TIMETRACKER_DATA_DIR=" + tempDir());
        for (String setting : settings) {
            args.add("--" + setting);
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(TimeTrackerApplication.class);
        if (clock != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        }
        return app.run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("timetracker-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
