package com.timetracker.ops.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.error.YAMLException;

/**
 * What preflight was given, read: the deployment's .env, its compose file (the first --compose) and
 * other deployments on the same host (further --compose files, each read with the env_file its
 * backend names, e.g. staging's .env.staging), the frontend's nginx config and the host's Caddyfile.
 */
final class PreflightInputs {

    record Options(Path env, List<Path> compose, Path nginx, Path caddyfile, Path disk) {

        static final String USAGE = "usage: java -jar timetracker.jar preflight [--env FILE] [--compose FILE...] [--nginx FILE] [--caddyfile FILE] [--disk PATH]";

        static Options parse(List<String> args) {
            Path env = null;
            Path nginx = null;
            Path caddyfile = null;
            Path disk = null;
            List<Path> compose = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + option + "'\n" + USAGE);
                }
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
                }
                switch (option) {
                    case "--env" -> env = Path.of(args.get(++i));
                    case "--nginx" -> nginx = Path.of(args.get(++i));
                    case "--caddyfile" -> caddyfile = Path.of(args.get(++i));
                    case "--disk" -> disk = Path.of(args.get(++i));
                    case "--compose" -> {
                        while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                            compose.add(Path.of(args.get(++i)));
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
                }
            }
            return new Options(env, List.copyOf(compose), nginx, caddyfile, disk);
        }
    }

    /** ENV BACKEND_HOST of the frontend image (deploy/Dockerfile), used when compose does not set it. */
    static final String FRONTEND_IMAGE_BACKEND_HOST = "timetracker-backend";

    final Options options;
    final Map<String, String> env;
    final String envLabel;
    final List<ComposeFile> composes = new ArrayList<>();
    NginxConfig nginx;
    CaddyConfig caddy;

    private PreflightInputs(Options options, Map<String, String> env, String envLabel) {
        this.options = options;
        this.env = env;
        this.envLabel = envLabel;
    }

    /** Reads every input; what cannot be read is a FAIL on the checklist (check 0). */
    static PreflightInputs read(Options options, Map<String, String> processEnvironment, Checklist list) {
        Map<String, String> env = processEnvironment;
        String label = "the process environment";
        if (options.env() != null) {
            label = options.env().toString();
            try {
                env = EnvFile.read(options.env());
            } catch (IOException e) {
                list.fail(0, "cannot read the env file " + options.env() + ": " + e.getMessage(), "Pass the deployment's .env with --env (e.g. --env deploy/.env).");
                env = Map.of();
            }
        }
        PreflightInputs inputs = new PreflightInputs(options, env, label);
        for (Path file : options.compose()) {
            boolean deployment = inputs.composes.isEmpty();
            try {
                Optional<Path> ownEnv = deployment ? Optional.empty() : ownEnvFile(file);
                Map<String, String> variables = deployment ? env : ownEnv.isPresent() ? EnvFile.read(ownEnv.get()) : Map.of();
                ComposeFile compose = ComposeFile.read(file, variables);
                inputs.composes.add(compose);
                if (!deployment && ownEnv.isEmpty()) {
                    list.warn(0, compose.label() + " is read with its defaults: the env file its backend names was not found next to it",
                            "Create that deployment's env file (e.g. deploy/.env.staging), so its real ports and names are checked.");
                }
                for (String problem : compose.problems()) {
                    boolean requiredVariable = problem.startsWith("required variable");
                    if (requiredVariable && !deployment && ownEnv.isEmpty()) {
                        continue;
                    }
                    list.fail(0, compose.label() + ": " + problem, requiredVariable
                            ? "Set the variable in " + (deployment ? label : ownEnv.get().toString()) + "."
                            : "Write ports as \"127.0.0.1:HOST_PORT:CONTAINER_PORT\".");
                }
            } catch (IOException | YAMLException e) {
                list.fail(0, "cannot read the compose file " + file + ": " + e.getMessage(), "Pass a readable Docker Compose YAML file with --compose.");
            }
        }
        if (options.nginx() != null) {
            try {
                inputs.nginx = inputs.nginxFor(inputs.deployment());
            } catch (IOException e) {
                list.fail(0, "cannot read the nginx config " + options.nginx() + ": " + e.getMessage(), "Pass deploy/nginx/default.conf.template (or the rendered config) with --nginx.");
            }
        }
        if (options.caddyfile() != null) {
            try {
                inputs.caddy = CaddyConfig.read(options.caddyfile());
            } catch (IOException e) {
                list.fail(0, "cannot read the Caddyfile " + options.caddyfile() + ": " + e.getMessage(), "Pass the host's Caddyfile with --caddyfile (e.g. /etc/caddy/Caddyfile).");
            }
        }
        return inputs;
    }

    /**
     * The nginx config as this compose file's frontend container renders it: its environment, over
     * the frontend image's own default BACKEND_HOST (deploy/Dockerfile).
     */
    NginxConfig nginxFor(ComposeFile compose) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>(Map.of("BACKEND_HOST", FRONTEND_IMAGE_BACKEND_HOST));
        if (compose != null) {
            compose.frontend().ifPresent(frontend -> environment.putAll(frontend.environment()));
        }
        return NginxConfig.read(options.nginx(), environment);
    }

    /** Another deployment's variables: the env_file its backend names, when it exists next to the compose file. */
    private static Optional<Path> ownEnvFile(Path composeFile) throws IOException {
        ComposeFile raw = ComposeFile.read(composeFile, Map.of());
        return raw.backend().map(ComposeFile.Service::envFiles).orElse(List.of()).stream()
                .map(name -> composeFile.toAbsolutePath().getParent().resolve(name))
                .filter(Files::isReadable).findFirst();
    }

    /** The deployment being checked: the first compose file (null without one). */
    ComposeFile deployment() {
        return composes.isEmpty() ? null : composes.get(0);
    }

    /** The environment the backend of this compose file runs with: its variables, then the compose file's environment:. */
    Map<String, String> backendEnvironment(ComposeFile compose) {
        Map<String, String> result = new LinkedHashMap<>(compose.variables());
        compose.backend().ifPresent(backend -> result.putAll(backend.environment()));
        return result;
    }

    /** The deployment backend's environment (the env file alone without a compose file). */
    Map<String, String> backendEnvironment() {
        return deployment() == null ? env : backendEnvironment(deployment());
    }
}
