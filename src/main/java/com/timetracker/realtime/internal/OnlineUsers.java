package com.timetracker.realtime.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.timetracker.identity.AuthenticatedUser;
import com.timetracker.teams.TeamMemberships;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has a socket open on any node: each node refreshes its users in a Redis sorted set (score =
 * until when they count as online); with Redis down, this node's own connections. A caller sees
 * only teammates (everyone for admins) — V1 listed every online user to everyone.
 */
@Component
class OnlineUsers {

    static final String KEY = "timetracker:online";
    static final long TTL_SECONDS = 90;

    private final StringRedisTemplate redis;
    private final Connections connections;
    private final TeamMemberships memberships;
    private final Clock clock;

    OnlineUsers(StringRedisTemplate redis, Connections connections, TeamMemberships memberships, Clock clock) {
        this.redis = redis;
        this.connections = connections;
        this.memberships = memberships;
        this.clock = clock;
    }

    void connected(long userId) {
        refresh(List.of(userId));
    }

    void disconnected(long userId) {
        if (!connections.onlineUserIds().contains(userId)) {
            try {
                redis.opsForZSet().remove(KEY, Long.toString(userId));
            } catch (RuntimeException redisDown) {
                // local state is what counts while Redis is away
            }
        }
    }

    /** Marks this node's users online for another TTL and forgets expired entries. */
    void refresh(Collection<Long> userIds) {
        long now = clock.instant().getEpochSecond();
        try {
            for (Long id : userIds) {
                redis.opsForZSet().add(KEY, Long.toString(id), now + TTL_SECONDS);
            }
            redis.opsForZSet().removeRangeByScore(KEY, 0, now);
        } catch (RuntimeException redisDown) {
            // presence falls back to this node's connections
        }
    }

    List<Long> visibleTo(AuthenticatedUser user) {
        Set<Long> online = new HashSet<>(connections.onlineUserIds());
        try {
            Set<String> everywhere = redis.opsForZSet().rangeByScore(KEY, clock.instant().getEpochSecond(), Double.MAX_VALUE);
            if (everywhere != null) {
                everywhere.forEach(id -> online.add(Long.parseLong(id)));
            }
        } catch (RuntimeException redisDown) {
            // this node's connections only
        }
        if (user.isAdmin()) {
            return List.copyOf(new TreeSet<>(online));
        }
        Set<Long> teammates = new HashSet<>();
        teammates.add(user.id());
        memberships.teamIdsOf(user.id()).forEach(team -> teammates.addAll(memberships.memberIdsOf(team)));
        online.retainAll(teammates);
        return List.copyOf(new TreeSet<>(online));
    }
}
