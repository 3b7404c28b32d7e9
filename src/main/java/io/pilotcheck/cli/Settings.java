package io.pilotcheck.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings an operator keeps out of the command line: a YAML file of {@code option: value}
 * ({@code --config FILE}, else {@code $PILOTCHECK_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/pilotcheck/pilotcheck.yaml}, else {@code /etc/pilotcheck/pilotcheck.yaml}),
 * and an environment variable {@code PILOTCHECK_OPTION_NAME} for each. A flag wins over the
 * environment, which wins over the file. Only the options below are settings: an output file or
 * a dossier is never taken from the environment.
 */
final class Settings implements CommandLine.IDefaultValueProvider {

    /** The options that may be set in the file or the environment, by their long name without dashes. */
    static final Set<String> NAMES = new TreeSet<>(List.of("port", "bind", "max-upload", "max-file-size", "base-path", "time-zone",
            "data", "db", "db-password-file", "migrate", "rules", "cache-dir", "lang", "checks-at-once", "requests-admitted",
            "bytes-admitted", "pool-size", "log-format", "log-file", "trust-proxy", "host", "tls-cert", "tls-key", "smtp"));

    private final Map<String, String> env;
    private final Map<String, String> file;
    private final Optional<Path> from;

    private Settings(Map<String, String> env, Map<String, String> file, Optional<Path> from) {
        this.env = env;
        this.file = file;
        this.from = from;
    }

    /** A settings file that cannot be used: where and why. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /** The settings for a run with {@code args}, read from the file they (or the environment) name. */
    static Settings of(String[] args, Map<String, String> env) throws Unusable {
        Optional<Path> named = named(args).or(() -> Optional.ofNullable(env.get("PILOTCHECK_CONFIG")).filter(s -> !s.isBlank()).map(Path::of));
        if (named.isPresent() && !Files.isRegularFile(named.get())) {
            throw new Unusable(named.get() + ": no such settings file");
        }
        Optional<Path> file = named.or(() -> defaults(env).stream().filter(Files::isRegularFile).findFirst());
        return new Settings(env, file.isPresent() ? read(file.get()) : Map.of(), file);
    }

    /** Where the settings file is looked for when none is named. */
    static List<Path> defaults(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = System.getProperty("user.home");
        Path user = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home == null ? "." : home, ".config");
        return List.of(user.resolve("pilotcheck").resolve("pilotcheck.yaml"), Path.of("/etc/pilotcheck/pilotcheck.yaml"));
    }

    private static Optional<Path> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        return Optional.empty();
    }

    /** The file's settings: one mapping of setting names to scalars; anything else is refused with its line and column. */
    private static Map<String, String> read(Path path) throws Unusable {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(Files.readAllBytes(path))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return out; // an empty file: no settings
            }
            if (t != JsonToken.START_OBJECT) {
                throw new Unusable(at(path, p.currentLocation()) + "a settings file is a list of 'name: value' lines");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation where = p.currentLocation();
                if (!NAMES.contains(name)) {
                    throw new Unusable(at(path, where) + "'" + name + "' is not a setting (settings: " + String.join(", ", NAMES) + ")");
                }
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    throw new Unusable(at(path, where) + "'" + name + "' takes one value");
                }
                if (value != JsonToken.VALUE_NULL) {
                    out.put(name, p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            throw new Unusable(at(path, e.getLocation()) + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Unusable(path + ": " + e.getMessage());
        }
        return out;
    }

    private static String at(Path path, JsonLocation where) {
        return where == null ? path + ": " : path + ":" + where.getLineNr() + ":" + where.getColumnNr() + ": ";
    }

    /** The file the settings came from, if any. */
    Optional<Path> file() {
        return from;
    }

    /** The environment variable that sets {@code name}. */
    static String variable(String name) {
        return "PILOTCHECK_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A setting's value from the environment, else the file, else empty. */
    Optional<String> get(String name) {
        String value = env.get(variable(name));
        if (value != null && !value.isEmpty()) {
            return Optional.of(value);
        }
        return Optional.ofNullable(file.get(name));
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec arg) {
        if (arg instanceof CommandLine.Model.OptionSpec option && option.longestName().startsWith("--")) {
            String name = option.longestName().substring(2);
            if (NAMES.contains(name)) {
                return get(name).orElse(null);
            }
        }
        return null;
    }
}
