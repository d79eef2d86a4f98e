package com.timetracker.platform.internal;

import java.io.IOException;

import org.springframework.context.ApplicationContext;

/** Lets tests of other modules stop and restart the embedded Redis of a running app (an outage). */
public final class EmbeddedRedisSwitch {

    private EmbeddedRedisSwitch() {
    }

    public static void stop(ApplicationContext context) throws IOException {
        context.getBean(EmbeddedRedisServer.class).stop();
    }

    public static void start(ApplicationContext context) throws IOException {
        context.getBean(EmbeddedRedisServer.class).start();
    }
}
