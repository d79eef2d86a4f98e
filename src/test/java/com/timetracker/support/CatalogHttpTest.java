package com.timetracker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.timetracker.TimeTrackerApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port with the first super admin of {@link People}, recording
 * {@link CatalogEvents}; the teams and projects HTTP tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TimeTrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"TIMETRACKER_DATA_DIR=target/test-data/${random.uuid}",
                "FIRST_SUPER_ADMIN_EMAIL=" + People.ROOT_EMAIL, "FIRST_SUPER_ADMIN_PASSWORD=" + People.ROOT_PASSWORD})
@Import(CatalogEvents.class)
public @interface CatalogHttpTest {
}
