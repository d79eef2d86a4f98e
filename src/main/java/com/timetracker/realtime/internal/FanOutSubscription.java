package com.timetracker.realtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Subscribes this node to the other nodes' broadcasts as soon as Redis answers, and again whenever
 * the subscription has stopped; meanwhile the node delivers its own events to its own clients.
 */
@Component
class FanOutSubscription {

    private static final Logger log = LoggerFactory.getLogger(FanOutSubscription.class);

    private final RedisMessageListenerContainer container;
    private boolean warned;

    FanOutSubscription(RedisMessageListenerContainer container) {
        this.container = container;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${timetracker.realtime.subscribe-retry:5s}")
    void ensureSubscribed() {
        if (container.isRunning()) {
            return;
        }
        try {
            container.start();
            warned = false;
        } catch (RuntimeException redisDown) {
            if (!warned) {
                log.warn("Realtime fan-out across nodes is waiting for Redis ({}); this node serves its own clients meanwhile",
                        redisDown.getMessage());
                warned = true;
            }
        }
    }
}
