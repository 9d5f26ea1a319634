package dev.vigil.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the flow-detection settings file: a mapping of top-level keys and sections of keys, each value a number,
 * an ISO-8601 duration or a list of ports. Anything else — unknown keys, deeper nesting, aliases, wrong types — is
 * an error naming the line, so a typo never silently leaves a default in force.
 */
final class SettingsYaml {

    /** Settings files are a few dozen lines; refuse anything that could only be a mistake or an attack. */
    static final int MAX_BYTES = 64 * 1024;

    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(options()).build();

    private SettingsYaml() {
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setMaxAliasesForCollections(0);
        o.setNestingDepthLimit(8);
        o.setCodePointLimit(MAX_BYTES);
        return o;
    }

    static String read(Path file) throws IOException, FlowSettingsException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new FlowSettingsException(file.toString(), "larger than " + MAX_BYTES
                        + " bytes; a settings file holds a few dozen keys");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Replaces the values of the keys the text names; the map holds the defaults and decides the types. */
    static void apply(String name, String text, Map<String, Object> values) throws FlowSettingsException {
        try (YAMLParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                throw error(name, p, "the file must be a mapping of settings (key: value)");
            }
            readMapping(name, p, "", values);
            if (p.nextToken() != null) {
                throw error(name, p, "only one YAML document is allowed");
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new FlowSettingsException(name + "#line " + line, "invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FlowSettingsException(name, "invalid YAML: " + e.getMessage());
        }
    }

    private static void readMapping(String name, YAMLParser p, String section, Map<String, Object> values)
            throws IOException, FlowSettingsException {
        Set<String> seen = new HashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = section.isEmpty() ? p.currentName() : section + "." + p.currentName();
            if (!seen.add(key)) {
                throw error(name, p, "duplicate key '" + key + "'");
            }
            JsonToken v = p.nextToken();
            if (p.isCurrentAlias() || p.getObjectId() != null) {
                throw error(name, p, "YAML anchors and aliases are not allowed; write the values out");
            }
            if (v == JsonToken.START_OBJECT) {
                if (!section.isEmpty() || !isSection(key, values)) {
                    throw error(name, p, "unknown section '" + key + "'; known keys: " + String.join(", ",
                            values.keySet()));
                }
                readMapping(name, p, key, values);
                continue;
            }
            Object old = values.get(key);
            if (old == null) {
                throw error(name, p, "unknown key '" + key + "'; known keys: " + String.join(", ", values.keySet()));
            }
            values.put(key, value(name, p, v, key, old));
        }
        if (t != JsonToken.END_OBJECT) {
            throw error(name, p, "expected a key");
        }
    }

    private static boolean isSection(String key, Map<String, Object> values) {
        return values.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private static Object value(String name, YAMLParser p, JsonToken v, String key, Object old)
            throws IOException, FlowSettingsException {
        if (old instanceof Set<?>) {
            if (v != JsonToken.START_ARRAY) {
                throw error(name, p, key + " must be a list of ports, e.g. [22, 2222]");
            }
            Set<Integer> ports = new LinkedHashSet<>();
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                long port = number(name, p, e, key);
                if (port < 0 || port > 65535) {
                    throw error(name, p, key + ": " + port + " is not a port (0-65535)");
                }
                ports.add((int) port);
            }
            return Set.copyOf(ports);
        }
        if (v == JsonToken.START_ARRAY || v == JsonToken.START_OBJECT) {
            throw error(name, p, key + " takes a single value");
        }
        if (old instanceof Boolean) {
            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                throw error(name, p, key + " must be true or false");
            }
            return v == JsonToken.VALUE_TRUE;
        }
        String text = p.getText().trim();
        if (old instanceof Duration) {
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative()) {
                    throw error(name, p, key + " must not be negative");
                }
                return d;
            } catch (DateTimeParseException ex) {
                throw error(name, p, key + ": '" + shorten(text) + "' is not an ISO-8601 duration (e.g. PT10M, P7D)");
            }
        }
        if (old instanceof Double) {
            try {
                double d = Double.parseDouble(text);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw error(name, p, key + " must be a positive number");
                }
                return d;
            } catch (NumberFormatException ex) {
                throw error(name, p, key + ": '" + shorten(text) + "' is not a number");
            }
        }
        long n = number(name, p, v, key);
        if (n < 0) {
            throw error(name, p, key + " must not be negative");
        }
        if (old instanceof Integer) {
            if (n > Integer.MAX_VALUE) {
                throw error(name, p, key + " is too large");
            }
            return (int) n;
        }
        return n;
    }

    private static long number(String name, YAMLParser p, JsonToken t, String key)
            throws IOException, FlowSettingsException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw error(name, p, key + ": '" + shorten(p.getText()) + "' is not a whole number");
        }
        try {
            return p.getLongValue();
        } catch (IOException e) {
            throw error(name, p, key + " is too large");
        }
    }

    private static String shorten(String s) {
        String clean = s == null ? "" : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static FlowSettingsException error(String name, YAMLParser p, String message) {
        return new FlowSettingsException(name + "#line " + p.currentTokenLocation().getLineNr(), message);
    }

    @SuppressWarnings("unchecked")
    static FlowDetectionSettings build(Map<String, Object> v) {
        return new FlowDetectionSettings(
                (Duration) v.get("scan-window"), (Duration) v.get("volume-window"),
                (Duration) v.get("learning-period"), (Integer) v.get("evidence-flows"),
                (Boolean) v.get("evidence-text"),
                (Integer) v.get("limits.max-keys"), (Integer) v.get("limits.max-distinct"),
                (Integer) v.get("probe-max-packets"),
                (Integer) v.get("portscan.min-ports"), (Integer) v.get("port-sweep.min-hosts"),
                (Set<Integer>) v.get("brute-force.ssh-ports"), (Set<Integer>) v.get("brute-force.rdp-ports"),
                (Integer) v.get("brute-force.min-attempts"), (Integer) v.get("brute-force.max-packets"),
                (Integer) v.get("port-probe.min-hosts"),
                (Long) v.get("dos.min-packets"), (Integer) v.get("dos.tcp-max-avg-packet-bytes"),
                (Set<Integer>) v.get("dos.tcp-service-ports"),
                (Set<Integer>) v.get("spambot.ports"), (Integer) v.get("spambot.min-hosts"),
                (Long) v.get("volume.min-bytes"), (Double) v.get("volume.factor"),
                (Set<Integer>) v.get("mining.ports"), (Duration) v.get("mining.min-duration"),
                (Long) v.get("mining.max-bytes-per-second"), (Integer) v.get("mining.min-flows"),
                (Integer) v.get("mining.max-local-ports"),
                (Integer) v.get("beacon.min-connections"), (Duration) v.get("beacon.min-span"),
                (Duration) v.get("beacon.min-interval"), (Double) v.get("beacon.max-interval-cv"),
                (Double) v.get("beacon.max-bytes-cv"), (Long) v.get("beacon.max-flow-bytes"),
                (Integer) v.get("beacon.max-samples"),
                (Integer) v.get("tor-relay.min-relays"), (Integer) v.get("unauthorised-port-access.min-flows"),
                (Integer) v.get("rejected-storm.min-flows"));
    }
}
