package com.timetracker.ops;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.timetracker.ops.PreflightFixture.Result;
import com.timetracker.support.TestPostgres;
import com.timetracker.support.TestRedis;
import com.timetracker.support.V1Database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import static com.timetracker.ops.PreflightFixture.edit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * preflight against each of V1's eight production failures (PRODUCT.md §5): a fixture reproduces
 * the failure, preflight reports it as FAIL with the fix and exits non-zero. The shipped deploy/ files
 * pass. PostgreSQL and Redis are real.
 */
class PreflightTest {

    @TempDir
    Path dir;

    PreflightFixture deployment;

    @BeforeEach
    void fixture() throws Exception {
        deployment = new PreflightFixture(dir);
    }

    @Test
    void theShippedDeploymentFilesWithARealEnvPassWithoutAnyFail() throws Exception {
        // the shipped files unchanged; the Caddyfile as shipped unless another program holds 3000/8080 here
        Path caddyfile = Path.of("deploy/Caddyfile.example");
        if (PreflightFixture.freePortAvailable(3000) && PreflightFixture.freePortAvailable(8080)) {
            deployment.set("FRONTEND_PORT", "3000").set("BACKEND_PORT", "8080");
        } else {
            caddyfile = deployment.caddyfile;
        }
        Result result = PreflightFixture.run("--env", deployment.env.toString(),
                "--compose", "deploy/docker-compose.prod.yml", "deploy/docker-compose.staging.yml",
                "--nginx", "deploy/nginx/default.conf.template", "--caddyfile", caddyfile.toString());

        assertThat(result.with("FAIL")).as(result.output()).isEmpty();
        assertThat(result.exit()).isZero();
        result.item("PASS", 1, "upstream timetracker-backend:8080 is the backend container of docker-compose.prod.yml");
        result.item("PASS", 2, "docker-compose.prod.yml: ALLOWED_HOSTS allows timetracker.example.com, localhost, 127.0.0.1, timetracker-backend, backend");
        result.item("PASS", 2, "docker-compose.staging.yml: ALLOWED_HOSTS allows localhost, 127.0.0.1, timetracker-staging-backend, backend");
        result.item("PASS", 3, "docker-compose.prod.yml backend healthcheck /health passes the host allow-list");
        result.item("PASS", 4, "(docker-compose.prod.yml db) is in use by PostgreSQL");
        result.item("PASS", 5, "/api/* goes to 127.0.0.1:");
        result.item("PASS", 6, "PostgreSQL 15");
        result.item("PASS", 7, "SECRET_KEY is strong");
        result.item("PASS", 8, "database: an empty database");
        result.item("PASS", 9, "/api/ws/ws is proxied by location /api/ws/ to http://timetracker_backend with the WebSocket upgrade");
        // Redis lives on the compose network only, so it is a WARN from the host, not a FAIL
        result.item("WARN", 7, "Redis at timetracker-redis:6379 is reachable only on the compose network");
        assertThat(result.output()).contains("preflight: 0 FAIL,");
    }

    @Test
    void v1Failure1_aMissingOrPlaceholderSecretKeyThatLogsEveryoneOutOnRestartFails() {
        deployment.set("SECRET_KEY", "change-me-in-production-please-0123456789");

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.item("FAIL", 7, "SECRET_KEY looks like a placeholder (it contains 'change-me'): every token breaks on restart (all sessions expire at once, the trigger of V1 failure #1)").fix())
                .isEqualTo("Set SECRET_KEY to a random value of at least 32 characters, e.g. the output of: openssl rand -base64 48");
        // the app itself would refuse to start with it: said once, in the same line
        assertThat(result.output()).contains("the app refuses to start in production with it").doesNotContain("the app would refuse to start");
    }

    @Test
    void v1Failure1_v1sJwtSecretInsteadOfSecretKeyFailsNamingTheRename() throws Exception {
        String env = Files.readString(deployment.env).replaceFirst("(?m)^SECRET_KEY=.*$", "JWT_SECRET=" + PreflightFixture.SECRET_KEY);
        Files.writeString(deployment.env, env);

        assertThat(deployment.run().item("FAIL", 7, "SECRET_KEY is not set: every token breaks on restart").fix())
                .endsWith("JWT_SECRET (V1's compose file) is read by neither V1 nor V2: rename it to SECRET_KEY");
    }

    @Test
    void v1Failure2_aHealthcheckTheHostAllowListAnswersWith400Fails() {
        edit(deployment.prod, "http://127.0.0.1:8080/health", "http://api.timetracker.internal:8080/api/health");

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        PreflightFixture.Item item = result.item("FAIL", 3, "docker-compose.prod.yml backend healthcheck");
        assertThat(item.what()).contains("gets 400 from the host allow-list: Host 'api.timetracker.internal' is not in ALLOWED_HOSTS")
                .contains("(V1 failure #2)");
        assertThat(item.fix()).isEqualTo("Call http://127.0.0.1:8080/health (answers on any Host), or add api.timetracker.internal to ALLOWED_HOSTS.");
    }

    @Test
    void v1Failure3_aContainerOnCaddysPortOrOnAPortAnotherProgramHoldsFails() throws Exception {
        edit(deployment.prod, "\"127.0.0.1:${FRONTEND_PORT:-3000}:80\"", "\"80:80\"");

        Result onCaddysPort = deployment.run();

        assertThat(onCaddysPort.exit()).isEqualTo(1);
        assertThat(onCaddysPort.item("FAIL", 4, "docker-compose.prod.yml frontend \"80:80\" binds host port 80, which the host's Caddy owns (V1 failure #3)").fix())
                .startsWith("Publish on another loopback port, e.g. \"127.0.0.1:3000:80\"");

        // the backend's port held by another program on this host (as Caddy held V1's frontend port)
        try (ServerSocket other = new ServerSocket(deployment.backendPort)) {
            Result taken = deployment.run();
            PreflightFixture.Item item = taken.item("FAIL", 4, "host port " + deployment.backendPort + " (docker-compose.prod.yml backend) is already in use by");
            assertThat(item.what()).contains("java").contains("which is not backend (timetracker-backend)");
            assertThat(item.fix()).contains("publish backend on a free port (FRONTEND_PORT / BACKEND_PORT / DB_PUBLISH_PORT in " + deployment.env + ")");
        }
    }

    @Test
    void stagingOnProductionsPortsFails() {
        Path stagingEnv = dir.resolve(".env.staging");
        deployment.set(stagingEnv, "FRONTEND_PORT", String.valueOf(deployment.frontendPort));
        deployment.set(stagingEnv, "DB_PASSWORD", "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a");

        Result result = deployment.run();

        assertThat(result.item("FAIL", 4, "host port " + deployment.frontendPort + " is published by docker-compose.prod.yml frontend").what())
                .contains("and docker-compose.staging.yml frontend");
        assertThat(result.item("FAIL", 4, "host port " + deployment.frontendPort + " is published").fix())
                .contains("staging uses 3001/8081/5433");
    }

    @Test
    void aContainerNameTwoDeploymentsShareFailsAndAPortOnAllInterfacesWarns() {
        edit(deployment.staging, "container_name: timetracker-staging-db", "container_name: timetracker-db");
        edit(deployment.prod, "\"127.0.0.1:${DB_PUBLISH_PORT:-5432}:5432\"", "\"${DB_PUBLISH_PORT:-5432}:5432\"");

        Result result = deployment.run();

        assertThat(result.item("FAIL", 1, "container name timetracker-db is used by docker-compose.prod.yml db and docker-compose.staging.yml db").fix())
                .isEqualTo("Give each deployment its own container names (staging: timetracker-staging-*).");
        assertThat(result.item("WARN", 4, "docker-compose.prod.yml db \"" + TestPostgres.port() + ":5432\" is published on all interfaces").fix())
                .isEqualTo("Publish on loopback only: \"127.0.0.1:" + TestPostgres.port() + ":5432\"");
    }

    @Test
    void v1Failure4_credentialsTheDatabaseVolumeWasNotCreatedWithFailWithTheVolumeExplanation() throws Exception {
        try (EmbeddedPostgres volume = TestPostgres.passwordProtected(dir.resolve("pg"))) {
            deployment.set("DB_PUBLISH_PORT", String.valueOf(volume.getPort())).set("DB_NAME", "timetracker")
                    .set("DB_USER", "timetracker").set("DB_PASSWORD", "a-new-password-set-after-the-volume-was-created");

            Result refused = deployment.run();

            assertThat(refused.exit()).isEqualTo(1);
            PreflightFixture.Item item = refused.item("FAIL", 6, "PostgreSQL refused the credentials of user 'timetracker' at postgresql://127.0.0.1:" + volume.getPort() + "/timetracker");
            assertThat(item.what()).contains("A PostgreSQL data volume keeps the user and password it was first created with")
                    .contains("(timetracker-db:5432 on the compose network, checked through its published port)");
            assertThat(item.fix()).contains("Use the original credentials in DB_USER/DB_PASSWORD").contains("back up the database, recreate the volume");

            deployment.set("DB_PASSWORD", "Right-Passw0rd");
            deployment.run().item("PASS", 6, "accepts user 'timetracker' at 127.0.0.1:" + volume.getPort() + "/timetracker");
        }
    }

    @Test
    void v1Failure5_anNginxUpstreamThatIsNotTheBackendContainerFails() {
        edit(deployment.nginx, "server ${BACKEND_HOST}:8080;", "server timetracker-api:8080;");

        Result hardCoded = deployment.run();

        assertThat(hardCoded.exit()).isEqualTo(1);
        PreflightFixture.Item item = hardCoded.item("FAIL", 1, "the upstream host 'timetracker-api' is not the backend of docker-compose.prod.yml");
        assertThat(item.what()).contains("(timetracker-backend or backend)").contains("V1 failure #5");
        assertThat(item.fix()).isEqualTo("Make the upstream ${BACKEND_HOST}:8080 and set BACKEND_HOST: timetracker-backend for the frontend in docker-compose.prod.yml.");
    }

    @Test
    void v1Failure5_aBackendHostThatDriftedFromTheContainerNameFails() {
        deployment.set("BACKEND_HOST", "timetracker-api");

        deployment.run().item("FAIL", 1, "the upstream host 'timetracker-api' is not the backend of docker-compose.prod.yml");
    }

    @Test
    void v1Failure5_aStagingFrontendThatFallsBackToTheImagesBackendHostFails() {
        edit(deployment.staging, "      BACKEND_HOST: ${BACKEND_HOST:-timetracker-staging-backend}\n", "      TZ: UTC\n");

        Result result = deployment.run();

        // production's frontend may rely on the image default (timetracker-backend); staging's may not
        result.item("PASS", 1, "upstream timetracker-backend:8080 is the backend container of docker-compose.prod.yml");
        assertThat(result.item("FAIL", 1, "the upstream host 'timetracker-backend' is not the backend of docker-compose.staging.yml").fix())
                .isEqualTo("Make the upstream ${BACKEND_HOST}:8080 and set BACKEND_HOST: timetracker-staging-backend for the frontend in docker-compose.staging.yml.");
    }

    @Test
    void v1Failure6_allowedHostsWithoutTheContainerNameOrThePublicDomainFails() {
        edit(deployment.staging, "ALLOWED_HOSTS: ${ALLOWED_HOSTS:-localhost},localhost,127.0.0.1,timetracker-staging-backend,backend",
                "ALLOWED_HOSTS: ${ALLOWED_HOSTS:-localhost}");
        deployment.set("ALLOWED_HOSTS", "localhost");

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        PreflightFixture.Item staging = result.item("FAIL", 2, "docker-compose.staging.yml: ALLOWED_HOSTS does not allow timetracker-staging-backend");
        assertThat(staging.what()).endsWith("requests with that Host get 400 (V1 failure #6)");
        assertThat(staging.fix()).startsWith("Add timetracker-staging-backend to ALLOWED_HOSTS (comma-separated)");
        PreflightFixture.Item production = result.item("FAIL", 2, "docker-compose.prod.yml: ALLOWED_HOSTS does not allow timetracker.example.com");
        assertThat(production.fix()).startsWith("Add timetracker.example.com to ALLOWED_HOSTS");
    }

    @Test
    void allowedHostsAsAJsonListThatComposeAppendsToFails() {
        deployment.set("ALLOWED_HOSTS", "[\"timetracker.example.com\"]");

        Result result = deployment.run();

        assertThat(result.item("FAIL", 2, "docker-compose.prod.yml: ALLOWED_HOSTS is not a clean list").fix())
                .isEqualTo("Write ALLOWED_HOSTS comma-separated, e.g. ALLOWED_HOSTS=timetracker.example.com");
    }

    @Test
    void v1Failure7_aBackendTheHostProxyRoutesToButThatIsNotPublishedFails() {
        edit(deployment.prod, "    ports:\n      - \"127.0.0.1:${BACKEND_PORT:-8080}:8080\"\n", "");

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        PreflightFixture.Item item = result.item("FAIL", 5, "/api/* goes to 127.0.0.1:" + deployment.backendPort + " but no service publishes host port " + deployment.backendPort);
        assertThat(item.what()).endsWith("Caddy gets connection refused (V1 failure #7)");
        assertThat(item.fix()).isEqualTo("Publish the backend to the host: ports: [\"127.0.0.1:" + deployment.backendPort + ":8080\"] (BACKEND_PORT), or point Caddy at the port it publishes.");
    }

    @Test
    void v1Failure8_aConfigurationTheNewVersionWouldRefuseToStartWithFailsBeforeTheSwap() {
        // V1's API went down on deploy with an error only the running artifact showed; preflight runs the app's own startup rules
        deployment.set("MAX_REQUEST_SIZE_MB", "10MB");

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.item("FAIL", 7, "the app would refuse to start with this configuration: MAX_REQUEST_SIZE_MB (or V1's MAX_UPLOAD_SIZE_MB) must be a whole number of megabytes, got '10MB'").fix())
                .isEqualTo("Set MAX_REQUEST_SIZE_MB to a number such as 10.");
    }

    @Test
    void v1Failure8_aDatabaseTheNewVersionCannotMigrateFailsBeforeTheSwap() {
        String v1 = V1Database.create();
        TestPostgres.execute(v1, "UPDATE alembic_version SET version_num = '006_add_performance_indexes'");
        deployment.set("DB_NAME", v1);

        Result result = deployment.run();

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.item("FAIL", 8, "database: The database was created by V1 but is at Alembic revision '006_add_performance_indexes'").fix())
                .contains("alembic upgrade head");
    }

    @Test
    void pendingMigrationsWarnWithTheBackupReminder() {
        String v1 = V1Database.create();
        deployment.set("DB_NAME", v1);

        Result result = deployment.run();

        PreflightFixture.Item item = result.item("WARN", 8, "database: V1's database (Alembic 007): V2 adopts it, then applies");
        assertThat(item.what()).contains("V2 defaults and event publication").endsWith("the app applies them at its next start");
        assertThat(item.fix()).startsWith("The app takes a pg_dump into BACKUP_DIR before migrating (BACKUP_BEFORE_MIGRATE); still, back up first: ")
                .contains("deploy/backup.sh");
        assertThat(result.exit()).isZero();
    }

    @Test
    void aDefaultDatabasePasswordInProductionFails() {
        deployment.set("DB_PASSWORD", "postgres");

        assertThat(deployment.run().item("FAIL", 7, "The database password is a well-known default ('postgres') in production").fix())
                .startsWith("Set DB_PASSWORD to a random value (openssl rand -hex 24)");
    }

    @Test
    void redisThatAnswersPassesAndRedisThatDoesNotOrWantsAPasswordFails() throws Exception {
        String database = TestPostgres.createDatabase("redis");
        Path env = dir.resolve("redis.env");
        TestRedis testRedis = TestRedis.start();
        RedisServer redis = testRedis.server();
        int port = testRedis.port();
        try {
            deployment.set(env, "DATABASE_URL", TestPostgres.v1DatabaseUrl(database)).set(env, "SECRET_KEY", PreflightFixture.SECRET_KEY)
                    .set(env, "REDIS_URL", "redis://127.0.0.1:" + port + "/0");
            PreflightFixture.run("--env", env.toString()).item("PASS", 7, "Redis answers PING at 127.0.0.1:" + port);

            deployment.set(env, "REDIS_URL", "redis://:wrong@127.0.0.1:" + port + "/0");
            assertThat(PreflightFixture.run("--env", env.toString()).item("FAIL", 7, "Redis at 127.0.0.1:" + port + " refuses: -").fix())
                    .startsWith("Put Redis's password in REDIS_URL");
        } finally {
            redis.stop();
        }
        deployment.set(env, "REDIS_URL", "redis://127.0.0.1:" + port + "/0");
        Result down = PreflightFixture.run("--env", env.toString());
        assertThat(down.item("FAIL", 7, "Redis does not answer at 127.0.0.1:" + port).fix()).startsWith("Start Redis, or correct REDIS_URL");
        assertThat(down.exit()).isEqualTo(1);
    }

    @Test
    void routesThatStripTheApiPrefixOrLoseTheWebSocketUpgradeFail() {
        edit(deployment.caddyfile, "handle /api/ws/* {", "handle_path /api/ws/* {");
        edit(deployment.nginx, "proxy_set_header Upgrade $http_upgrade;", "");

        Result result = deployment.run();

        assertThat(result.item("FAIL", 9, "Caddyfile.example timetracker.example.com: /api/ws/ws is routed by").what()).contains("strips the path prefix");
        assertThat(result.item("FAIL", 9, "default.conf.template: /api/ws/ws goes through location /api/ws/ without the WebSocket upgrade").fix())
                .contains("proxy_set_header Upgrade $http_upgrade;");
    }

    @Test
    void anNginxWithoutAnApiLocationServesTheSpaForApiCallsAndFails() {
        edit(deployment.nginx, "location /api {", "location /backend-api {");

        PreflightFixture.Item item = deployment.run().item("FAIL", 9, "default.conf.template: /api/auth/login is answered by location / without proxy_pass");
        assertThat(item.what()).endsWith("the web app gets index.html instead of the API");
    }

    @Test
    void badArgumentsPrintTheUsageAndExit2() {
        Result result = PreflightFixture.run("--envv", "x");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).startsWith("unknown option --envv").contains("usage: java -jar timetracker.jar preflight");
        assertThat(PreflightFixture.run("--env").output()).startsWith("--env needs a value");
    }

    @Test
    void aMissingEnvFileFails() {
        Result result = PreflightFixture.run("--env", dir.resolve("nope.env").toString());

        assertThat(result.item("FAIL", 0, "cannot read the env file").fix()).startsWith("Pass the deployment's .env with --env");
        assertThat(Files.exists(dir.resolve("nope.env"))).isFalse();
    }
}
