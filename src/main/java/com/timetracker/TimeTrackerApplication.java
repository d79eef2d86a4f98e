package com.timetracker;

import java.util.List;

import com.timetracker.ops.Preflight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** TimeTracker V2: one deployable serving the API and the web app. */
@SpringBootApplication
@EnableScheduling
public class TimeTrackerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(Preflight.COMMAND)) {
            // checks a deployment without starting the app (no Spring context, no web server)
            Preflight.main(List.of(args).subList(1, args.length));
            return;
        }
        SpringApplication.run(TimeTrackerApplication.class, args);
    }
}
