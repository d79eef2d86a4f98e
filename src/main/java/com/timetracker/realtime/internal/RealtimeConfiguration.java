package com.timetracker.realtime.internal;

import com.timetracker.identity.AccessTokens;
import com.timetracker.platform.PlatformSettings;
import com.timetracker.tracking.ActiveTimers;

import java.util.concurrent.Executors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    private final Connections connections;
    private final ActiveTimers activeTimers;
    private final OnlineUsers onlineUsers;
    private final AccessTokens accessTokens;
    private final PlatformSettings settings;
    private final JsonMapper json;
    private final SocketTickets tickets;

    RealtimeConfiguration(Connections connections, ActiveTimers activeTimers, OnlineUsers onlineUsers, AccessTokens accessTokens,
                          PlatformSettings settings, JsonMapper json, SocketTickets tickets) {
        this.connections = connections;
        this.activeTimers = activeTimers;
        this.onlineUsers = onlineUsers;
        this.accessTokens = accessTokens;
        this.settings = settings;
        this.json = json;
        this.tickets = tickets;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Same-origin pages are always allowed; other browser origins as for CORS.
        registry.addHandler(new RealtimeSocket(connections, activeTimers, onlineUsers, json), "/api/ws/ws")
                .addInterceptors(new TokenHandshake(accessTokens, tickets))
                .setAllowedOriginPatterns(settings.allowedOrigins().toArray(String[]::new));
    }

    /**
     * Receives every node's broadcasts. Not started with the context: subscribing needs Redis, and
     * the app must start and serve without it ({@link FanOutSubscription} subscribes once it can).
     */
    @Bean
    RedisMessageListenerContainer realtimeFanOut(RedisConnectionFactory redis, RealtimeBroadcaster broadcaster) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(broadcaster, new ChannelTopic(RealtimeBroadcaster.CHANNEL));
        container.setRecoveryInterval(2000L);
        container.setAutoStartup(false);
        // one delivery thread: clients get a node's messages in the order they were published
        // (timer_stopped before time_entry_completed), which a pooled executor would not keep
        container.setTaskExecutor(new ConcurrentTaskExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "realtime-delivery");
            thread.setDaemon(true);
            return thread;
        })));
        return container;
    }
}
