package com.timetracker.realtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.timetracker.projects.ProjectCreated;
import com.timetracker.projects.TaskCreated;
import com.timetracker.teams.MemberAdded;
import com.timetracker.teams.TeamMemberships;
import com.timetracker.tracking.TimeEntryEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans changes out to every node: a committed change is published on a Redis channel, each node
 * (this one included) receives it and delivers it to its own sockets whose user may see it. With
 * Redis down, the publishing node still delivers to its own clients.
 */
@Component
class RealtimeBroadcaster implements MessageListener {

    static final String CHANNEL = "timetracker:realtime";
    private static final Logger log = LoggerFactory.getLogger(RealtimeBroadcaster.class);

    private final java.util.concurrent.Executor localDelivery = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "realtime-local-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final StringRedisTemplate redis;
    private final Connections connections;
    private final TeamMemberships memberships;
    private final JsonMapper json;

    RealtimeBroadcaster(StringRedisTemplate redis, Connections connections, TeamMemberships memberships, JsonMapper json) {
        this.redis = redis;
        this.connections = connections;
        this.memberships = memberships;
        this.json = json;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TimeEntryEvent event) {
        publish(new RealtimeMessage(event.type(), data(event), event.teamId(), event.userId()));
    }

    /** V1 told the added person personally ({@code team_added}) and the team ({@code member_added}, never delivered in V1). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberAdded added) {
        publish(new RealtimeMessage("team_added", ordered("team_id", added.teamId(), "team_name", added.teamName(), "role", added.role(),
                "message", "You were added to team " + added.teamName()), null, added.userId()));
        publish(new RealtimeMessage("member_added", ordered("team_id", added.teamId(), "user_id", added.userId(),
                "user_name", added.userName(), "role", added.role()), added.teamId(), added.actorId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ProjectCreated created) {
        publish(new RealtimeMessage("project_created", ordered("project_id", created.projectId(), "project_name", created.projectName(),
                "team_id", created.teamId(), "team_name", created.teamName(), "color", created.color(), "created_by", created.createdBy()),
                created.teamId(), created.createdById()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TaskCreated created) {
        publish(new RealtimeMessage("task_created", ordered("task_id", created.taskId(), "task_name", created.taskName(),
                "project_id", created.projectId(), "project_name", created.projectName(), "status", created.status(),
                "created_by", created.createdBy()), created.teamId(), created.createdById()));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    void publish(RealtimeMessage message) {
        String payload = json.writeValueAsString(message);
        try {
            redis.convertAndSend(CHANNEL, payload);
        } catch (RuntimeException redisDown) {
            log.debug("Redis unavailable for realtime fan-out, delivering on this node only: {}", redisDown.getMessage());
            // off the request thread (it may still hold its database connection), one at a time to keep the order
            localDelivery.execute(() -> deliver(message));
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        deliver(json.readValue(message.getBody(), RealtimeMessage.class));
    }

    /** To the user concerned, and for team events the team's members and admins, connected to this node. */
    void deliver(RealtimeMessage message) {
        if (connections.size() == 0) {
            return;
        }
        Set<Long> team = message.teamId() == null ? Set.of() : Set.copyOf(memberships.memberIdsOf(message.teamId()));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", message.type());
        envelope.put("data", message.data());
        String text = json.writeValueAsString(envelope);
        // Admins see every team's events; a personal message (no team) goes to its user only.
        connections.matching(c -> message.userId() != null && c.user().id() == message.userId()
                        || message.teamId() != null && (c.user().isAdmin() || team.contains(c.user().id())))
                .forEach(c -> c.send(text));
    }

    /** V1's data fields per message type (reference §5). */
    private static Map<String, Object> data(TimeEntryEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!e.type().equals("timer_stopped")) {
            data.put("entry_id", e.entryId());
        }
        data.put("user_id", e.userId());
        if (!e.type().equals("time_entry_updated") && !e.type().equals("time_entry_deleted")) {
            data.put("user_name", e.userName());
        }
        if (e.type().equals("time_entry_deleted")) {
            data.put("project_id", e.projectId());
            data.put("task_id", e.taskId());
            return data;
        }
        if (!e.type().equals("timer_stopped")) {
            data.put("project_id", e.projectId());
        }
        data.put("project_name", e.projectName());
        if (!e.type().equals("timer_stopped")) {
            data.put("task_id", e.taskId());
        }
        data.put("task_name", e.taskName());
        if (e.type().equals("timer_stopped")) {
            data.put("duration_seconds", e.durationSeconds());
            return data;
        }
        data.put("description", e.description());
        data.put("start_time", e.startTime() == null ? null : e.startTime().toString());
        if (!e.type().equals("timer_started")) {
            data.put("end_time", e.endTime() == null ? null : e.endTime().toString());
            data.put("duration_seconds", e.durationSeconds());
        }
        data.put("is_running", e.isRunning());
        return data;
    }
}
