package com.timetracker.ops.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.timetracker.platform.DatabaseConnectionFailure;
import com.timetracker.platform.DatabaseUrl;
import com.timetracker.platform.MigrationPlan;
import com.timetracker.platform.PlatformSettings;
import com.timetracker.platform.SecretKeyRule;
import com.timetracker.platform.StartupConfiguration;
import com.timetracker.platform.UnsafeConfigurationException;

import org.flywaydb.core.Flyway;

/** Checks 6-8 against the real services: PostgreSQL, Redis, the app's own startup rules, disk, migrations. */
final class ServiceChecks {

    static final long GB = 1024L * 1024 * 1024;
    /** Passwords that sample files and tutorials ship; a production database must not use one. */
    static final Set<String> DEFAULT_DB_PASSWORDS = Set.of("", "postgres", "password", "timetracker", "changeme", "change-me",
            "admin", "root", "secret", "123456", "12345678", "pass", "test", "example");

    private final PreflightInputs in;
    private final Checklist list;

    ServiceChecks(PreflightInputs in, Checklist list) {
        this.in = in;
        this.list = list;
    }

    void run() {
        Map<String, String> environment = in.backendEnvironment();
        StartupConfiguration startup;
        try {
            startup = StartupConfiguration.of(environment);
        } catch (RuntimeException e) {
            String fix = e instanceof UnsafeConfigurationException refusal ? refusal.fix() : "Correct the variable named above in " + in.envLabel + ".";
            if (!fix.equals(SecretKeyRule.FIX)) { // a refused key is reported once, by the key check below
                list.fail(7, "the app would refuse to start with this configuration: " + e.getMessage(), fix);
            }
            // the remaining checks still run where they can: production's own refusals set aside
            Map<String, String> lenient = new java.util.HashMap<>(environment);
            lenient.put("ENVIRONMENT", "development");
            try {
                startup = StartupConfiguration.of(lenient);
            } catch (RuntimeException again) {
                return;
            }
        }
        PlatformSettings lenient = startup.settings();
        // ENVIRONMENT as configured, also when production's refusals were set aside above
        PlatformSettings settings = new PlatformSettings(environment.getOrDefault("ENVIRONMENT", "development").strip().toLowerCase(java.util.Locale.ROOT),
                lenient.debug(), lenient.allowedHosts(), lenient.allowedOrigins(), lenient.maxRequestSizeBytes(), lenient.dataDir());
        Optional<Connected> database = database(startup);
        redis(startup);
        secrets(environment, startup, settings);
        disk();
        database.ifPresent(db -> migrations(db, environment, settings));
    }

    private record Connected(String jdbcUrl, String username, String password) {
    }

    // ---- 6 ---------------------------------------------------------------------------------

    private Optional<Connected> database(StartupConfiguration startup) {
        Optional<StartupConfiguration.Database> configured = startup.database();
        if (configured.isEmpty()) {
            list.warn(6, "no database configured: the app runs in embedded mode (its own PostgreSQL and Redis under TIMETRACKER_DATA_DIR)",
                    "For a deployment set DATABASE_URL, or DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD in " + in.envLabel + ".");
            return Optional.empty();
        }
        StartupConfiguration.Database db = configured.get();
        DatabaseUrl url = DatabaseUrl.parse(db.jdbcUrl());
        Optional<HostPort> target = reachable(url.host(), url.port(), "PostgreSQL", "DB_PUBLISH_PORT");
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (!target.get().note().isEmpty() && !PortProbe.listening(target.get().host(), target.get().port())) {
            // a first deploy: the database container is not up yet, so its credentials cannot be tried
            list.warn(6, "PostgreSQL is not running at " + target.get() + target.get().note() + ": credentials not checked",
                    "Start the database first (docker compose -f " + in.deployment().label() + " up -d db redis), then run preflight again.");
            return Optional.empty();
        }
        String jdbcUrl = new DatabaseUrl(target.get().host(), target.get().port(), url.database(), null, null, url.query()).jdbcUrl();
        Properties properties = new Properties();
        properties.setProperty("user", db.username());
        properties.setProperty("password", db.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            list.pass(6, "PostgreSQL " + version + " accepts user '" + db.username() + "' at " + target.get() + "/" + url.database() + target.get().note());
            return Optional.of(new Connected(jdbcUrl, db.username(), db.password()));
        } catch (SQLException e) {
            UnsafeConfigurationException explained = DatabaseConnectionFailure.explain(e, db.username(), jdbcUrl);
            list.fail(6, explained.getMessage() + target.get().note(), explained.fix());
            return Optional.empty();
        }
    }

    /** Where this host reaches a service: the name itself, or the host port compose publishes it on. */
    private record HostPort(String host, int port, String note) {

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private Optional<HostPort> reachable(String host, int port, String what, String publishVariable) {
        ComposeFile compose = in.deployment();
        Optional<ComposeFile.Service> service = compose == null ? Optional.empty() : compose.reachedAs(host);
        if (service.isPresent() && !resolves(host)) {
            Optional<ComposeFile.Port> published = service.get().publishing(port);
            if (published.isPresent()) {
                String ip = published.get().hostIp().equals("0.0.0.0") || published.get().hostIp().equals("::") ? "127.0.0.1" : published.get().hostIp();
                return Optional.of(new HostPort(ip, published.get().hostPort(),
                        " (" + host + ":" + port + " on the compose network, checked through its published port)"));
            }
            list.warn(what.equals("Redis") ? 7 : 6, what + " at " + host + ":" + port + " is reachable only on the compose network; not checked from this host",
                    "Run preflight inside the backend container (docker compose exec backend java -jar /app/timetracker.jar preflight)"
                            + (publishVariable == null ? "" : ", or publish the port on loopback (" + publishVariable + ")") + ".");
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, port, ""));
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ---- 7 ---------------------------------------------------------------------------------

    private void redis(StartupConfiguration startup) {
        Optional<String> configured = startup.redisUrl();
        if (configured.isEmpty()) {
            list.warn(7, "no Redis configured (REDIS_URL): rate limits, lockouts and realtime fan-out stay in one process",
                    "Set REDIS_URL=redis://timetracker-redis:6379/0 (the compose files do).");
            return;
        }
        URI uri = URI.create(configured.get());
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            password = URLDecoder.decode(info.substring(info.indexOf(':') + 1), StandardCharsets.UTF_8);
        }
        Optional<HostPort> target = reachable(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379, "Redis", null);
        if (target.isEmpty()) {
            return;
        }
        if (configured.get().startsWith("rediss:")) {
            list.warn(7, "Redis at " + target.get() + " uses TLS (rediss://); preflight checks plain connections only", "Check it with redis-cli --tls -u $REDIS_URL ping.");
            return;
        }
        Optional<String> reply = PortProbe.redisPing(target.get().host(), target.get().port(), password);
        if (reply.isEmpty()) {
            list.fail(7, "Redis does not answer at " + target.get() + target.get().note(), "Start Redis, or correct REDIS_URL (redis://host:6379/0) in " + in.envLabel + ".");
        } else if (reply.get().startsWith("+PONG")) {
            list.pass(7, "Redis answers PING at " + target.get() + target.get().note());
        } else {
            list.fail(7, "Redis at " + target.get() + " refuses: " + reply.get().strip(), "Put Redis's password in REDIS_URL (redis://:password@host:6379/0).");
        }
    }

    private void secrets(Map<String, String> environment, StartupConfiguration startup, PlatformSettings settings) {
        Optional<String> keyProblem = SecretKeyRule.problem(environment.get("SECRET_KEY"));
        if (keyProblem.isEmpty()) {
            list.pass(7, "SECRET_KEY is strong (" + environment.get("SECRET_KEY").length() + " characters, not a placeholder)");
        } else if (settings.production()) {
            boolean v1Name = environment.get("SECRET_KEY") == null && environment.get("JWT_SECRET") != null;
            list.fail(7, keyProblem.get() + ": every token breaks on restart (all sessions expire at once, the trigger of V1 failure #1) and tokens can be forged;"
                    + " the app refuses to start in production with it",
                    SecretKeyRule.FIX + (v1Name ? ". JWT_SECRET (V1's compose file) is read by neither V1 nor V2: rename it to SECRET_KEY" : ""));
        } else {
            list.warn(7, keyProblem.get() + " (ENVIRONMENT=" + settings.environment() + "; production refuses to start with it)", SecretKeyRule.FIX);
        }
        startup.database().ifPresent(db -> {
            if (DEFAULT_DB_PASSWORDS.contains(db.password().toLowerCase())) {
                String what = db.password().isEmpty() ? "The database password is empty" : "The database password is a well-known default ('" + db.password() + "')";
                String fix = "Set DB_PASSWORD to a random value (openssl rand -hex 24). A volume keeps its first password: change it in PostgreSQL too (ALTER ROLE " + db.username() + " PASSWORD '...').";
                if (settings.production()) {
                    list.fail(7, what + " in production", fix);
                } else {
                    list.warn(7, what + " (ENVIRONMENT=" + settings.environment() + ")", fix);
                }
            } else {
                list.pass(7, "the database password is not a known default");
            }
        });
    }

    // ---- 8 ---------------------------------------------------------------------------------

    private void disk() {
        Path path = in.options.disk() != null ? in.options.disk()
                : Files.isDirectory(Path.of("/var/lib/docker")) ? Path.of("/var/lib/docker") : Path.of(".");
        try {
            long free = Files.getFileStore(path).getUsableSpace();
            diskVerdict(list, path.toString(), free);
        } catch (IOException e) {
            list.warn(8, "cannot read the free space of " + path + ": " + e.getMessage(), "Pass the disk that holds Docker's volumes with --disk PATH.");
        }
    }

    static void diskVerdict(Checklist list, String path, long freeBytes) {
        String free = String.format("%.1f GB free on %s", freeBytes / (double) GB, path);
        String fix = "Free space: docker system prune (unused images and build cache), delete old backups, or grow the disk.";
        if (freeBytes < GB) {
            list.fail(8, free + " (under 1 GB): PostgreSQL stops accepting writes when the disk fills", fix);
        } else if (freeBytes < 5 * GB) {
            list.warn(8, free + " (under 5 GB)", fix);
        } else {
            list.pass(8, free);
        }
    }

    private void migrations(Connected db, Map<String, String> environment, PlatformSettings settings) {
        Flyway flyway = Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration").load();
        try {
            MigrationPlan plan = MigrationPlan.inspect(flyway);
            if (!plan.changesExistingDatabase()) {
                list.pass(8, "database: " + plan.describe());
                return;
            }
            boolean appBacksUp = settings.production() && BackupSettings.from(environment::get, settings).enabled();
            list.warn(8, "database: " + plan.describe() + "; the app applies them at its next start",
                    (appBacksUp ? "The app takes a pg_dump into BACKUP_DIR before migrating (BACKUP_BEFORE_MIGRATE); still, " : "")
                            + "back up first: set -a; . deploy/.env; set +a; DATABASE_URL= DB_HOST=127.0.0.1 DB_PORT=${DB_PUBLISH_PORT:-5432} deploy/backup.sh --dir /var/backups/timetracker");
        } catch (UnsafeConfigurationException e) {
            list.fail(8, "database: " + e.getMessage(), e.fix());
        } catch (SQLException | RuntimeException e) {
            list.fail(8, "cannot read the database's migration state: " + e.getMessage(), "Check the database and the user's privileges.");
        }
    }
}
