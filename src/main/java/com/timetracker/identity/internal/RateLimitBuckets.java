package com.timetracker.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Token buckets shared by every node through Redis (bucket4j's Lettuce proxy manager), with a
 * fallback that never fails open: while Redis is unreachable or slower than {@code timeout}, this
 * node counts in its own in-memory buckets (N nodes then admit up to N times a limit).
 * <p>
 * A dead Redis must not slow requests down: the connection is opened in the background, commands
 * fail at once while it is down, and after a failure one request per {@code retryInterval} tries
 * Redis again while all others count locally, so at most that one waits, at most {@code timeout}.
 */
class RateLimitBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);

    /** Local buckets kept at most; the least recently used goes first (an idle bucket is a full one). */
    static final int LOCAL_CAPACITY = 50_000;

    /** Generous: connecting happens in the background, never in a request. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final RedisConnectionFactory connectionFactory;
    private final Duration timeout;
    private final long retryIntervalNanos;
    private final Map<String, Bucket> local = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > LOCAL_CAPACITY;
        }
    });

    /** 0 while Redis is in use; else the System.nanoTime() from which one request tries Redis again. */
    private final AtomicLong redisRetryAt = new AtomicLong();
    /** Set while this node counts locally, so the switch is logged once each way. */
    private volatile boolean degraded;
    private volatile ProxyManager<byte[]> redis;

    private RedisClient client;
    private RedisURI uri;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private volatile boolean connecting;
    private boolean closed;
    /** System.nanoTime() of the last failed connect; 0 if none. */
    private volatile long connectFailedAt;

    RateLimitBuckets(RedisConnectionFactory connectionFactory, Duration timeout, Duration retryInterval) {
        this.connectionFactory = connectionFactory;
        this.timeout = timeout;
        this.retryIntervalNanos = retryInterval.toNanos();
    }

    /** Takes one token from the bucket under {@code key}: in Redis when it answers, else locally. */
    ConsumptionProbe tryConsume(String key, RateLimits.Limit limit) {
        ProxyManager<byte[]> shared = redis;
        if (shared == null) {
            long failedAt = connectFailedAt;
            if (!connecting && (failedAt == 0 || System.nanoTime() - failedAt >= retryIntervalNanos)) {
                connectInBackground();
            }
        } else if (mayTryRedis()) {
            try {
                ConsumptionProbe probe = shared.builder().build(key.getBytes(StandardCharsets.UTF_8), () -> configuration(limit))
                        .tryConsumeAndReturnRemaining(1);
                redisRetryAt.set(0);
                recovered();
                return probe;
            } catch (RuntimeException e) {
                redisRetryAt.set(System.nanoTime() + retryIntervalNanos);
                degrade(e);
            }
        }
        return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(configuration(limit).getBandwidths()[0]).build())
                .tryConsumeAndReturnRemaining(1);
    }

    /** True while buckets are kept in Redis (connected, and the last call to it worked). */
    boolean shared() {
        return redis != null && redisRetryAt.get() == 0;
    }

    /** True while Redis works, and for the one request that tries it again once the retry interval is over. */
    private boolean mayTryRedis() {
        long retryAt = redisRetryAt.get();
        if (retryAt == 0) {
            return true;
        }
        long now = System.nanoTime();
        return now - retryAt >= 0 && redisRetryAt.compareAndSet(retryAt, now + retryIntervalNanos);
    }

    private void degrade(Throwable failure) {
        if (!degraded) {
            degraded = true;
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            log.warn("Redis does not answer for rate limits ({}): this node counts in its own memory and tries Redis again every {} s.",
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), retryIntervalNanos / 1_000_000_000L);
        }
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            log.info("Redis answers again: rate limits are shared by all nodes again.");
        }
    }

    private static BucketConfiguration configuration(RateLimits.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .build();
    }

    /** Starts connecting, unless connected, connecting, or a connect failed less than a retry interval ago. */
    synchronized void connectInBackground() {
        if (redis != null || connecting || closed
                || connectFailedAt != 0 && System.nanoTime() - connectFailedAt < retryIntervalNanos) {
            return;
        }
        if (!(connectionFactory instanceof LettuceConnectionFactory lettuce) || lettuce.isClusterAware() || lettuce.isRedisSentinelAware()) {
            connectFailedAt = System.nanoTime();
            degrade(new IllegalStateException("buckets are shared only through a standalone Redis"));
            return;
        }
        try {
            if (client == null) {
                client = client(lettuce);
            }
            connecting = true;
            client.connectAsync(ByteArrayCodec.INSTANCE, uri).whenComplete(this::connected);
        } catch (RuntimeException e) {
            connected(null, e);
        }
    }

    private synchronized void connected(StatefulRedisConnection<byte[], byte[]> opened, Throwable failure) {
        connecting = false;
        if (failure != null || closed) {
            connectFailedAt = System.nanoTime();
            if (opened != null) {
                opened.closeAsync();
            }
            if (failure != null) {
                degrade(failure);
            }
            return;
        }
        connectFailedAt = 0;
        connection = opened;
        redis = Bucket4jLettuce.casBasedBuilder(opened)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(timeout)
                .build();
        redisRetryAt.set(0);
        recovered();
    }

    /**
     * A client of its own for the Redis Spring uses (same address, credentials, TLS and client
     * resources), with other failure behaviour: commands are refused at once while the connection
     * is down instead of queueing until Spring's 2 s timeout, and must answer within {@code timeout}.
     */
    private RedisClient client(LettuceConnectionFactory lettuce) {
        RedisStandaloneConfiguration standalone = lettuce.getStandaloneConfiguration();
        LettuceClientConfiguration settings = lettuce.getClientConfiguration();
        RedisURI.Builder address = RedisURI.builder()
                .withHost(standalone.getHostName())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase())
                .withSsl(settings.isUseSsl())
                .withStartTls(settings.isStartTls())
                .withVerifyPeer(settings.getVerifyMode())
                // the URI's timeout bounds the connect handshake (in the background); commands get TimeoutOptions
                .withTimeout(CONNECT_TIMEOUT);
        if (standalone.getPassword().isPresent()) {
            if (standalone.getUsername() != null) {
                address.withAuthentication(standalone.getUsername(), standalone.getPassword().get());
            } else {
                address.withPassword(standalone.getPassword().get());
            }
        }
        this.uri = address.build();
        ClientOptions base = settings.getClientOptions().orElseGet(() -> ClientOptions.builder().build());
        RedisClient created = settings.getClientResources().map(RedisClient::create).orElseGet(RedisClient::create);
        created.setOptions(base.mutate()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        return created;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
