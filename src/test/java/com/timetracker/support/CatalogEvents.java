package com.timetracker.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.timetracker.projects.ProjectCreated;
import com.timetracker.projects.TaskCreated;
import com.timetracker.teams.MemberAdded;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Records the teams' and projects' application events (published for the realtime module) so tests can check them. */
@TestComponent
public class CatalogEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(MemberAdded event) {
        events.add(event);
    }

    @EventListener
    void on(ProjectCreated event) {
        events.add(event);
    }

    @EventListener
    void on(TaskCreated event) {
        events.add(event);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
