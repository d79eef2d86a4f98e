package com.timetracker.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The running build's version (from the jar's build-info; "dev" when run from an IDE without it). */
@Component
public class AppVersion {

    private final String version;

    public AppVersion(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    public String value() {
        return version;
    }
}
