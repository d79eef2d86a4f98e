package com.timetracker.platform;

import java.util.Optional;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether the app's two servers answer right now: PostgreSQL ({@code SELECT 1}) and Redis ({@code PING}). */
@Component
public class InfrastructureHealth {

    private static final int MAX_PROBLEM_LENGTH = 50;

    private final JdbcClient jdbc;
    private final RedisConnectionFactory redis;

    public InfrastructureHealth(JdbcClient jdbc, RedisConnectionFactory redis) {
        this.jdbc = jdbc;
        this.redis = redis;
    }

    /** Empty when PostgreSQL answers, otherwise why not (shortened). */
    public Optional<String> databaseProblem() {
        try {
            jdbc.sql("SELECT 1").query(Integer.class).single();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(shorten(e));
        }
    }

    /** Empty when Redis answers, otherwise why not (shortened). */
    public Optional<String> redisProblem() {
        try (RedisConnection connection = redis.getConnection()) {
            connection.ping();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(shorten(e));
        }
    }

    private static String shorten(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() <= MAX_PROBLEM_LENGTH ? text : text.substring(0, MAX_PROBLEM_LENGTH);
    }
}
