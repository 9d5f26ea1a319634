package dev.vigil.hub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of the routing file being read strictly: each field is read through a typed accessor, and
 * {@link #finish()} rejects any key nobody read, so a misspelt option is an error rather than silently ignored.
 * Errors name the file, the section ("destination 'jira-sec'") and the field.
 *
 * <p>String values may hold {@code ${env:NAME}} references, replaced from the injected environment; fields that
 * hold secrets must be nothing but one reference, so a secret is never written into the file.
 */
final class ConfigSection {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{env:[^}]*}?");

    private final String file;
    private final String where;
    private final JsonNode node;
    private final Map<String, String> env;
    private final Set<String> read = new HashSet<>();

    ConfigSection(String file, String where, JsonNode node, Map<String, String> env) {
        this.file = file;
        this.where = where;
        this.node = node;
        this.env = env;
        if (!node.isObject()) {
            throw error(null, "must be a mapping of keys to values");
        }
    }

    String where() {
        return where;
    }

    String requiredString(String key, String hint) {
        JsonNode present = node.get(key);
        if (present == null || present.isNull()) {
            read.add(key);
            throw error(key, "is required; " + hint);
        }
        return string(key, null);
    }

    String string(String key, String fallback) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw error(key, "must be a single value, not a list or mapping");
        }
        String resolved = resolve(key, v.asText());
        if (resolved.isBlank()) {
            throw error(key, "is empty; give a value or leave the field out");
        }
        return resolved.strip();
    }

    /** A field that must be exactly one {@code ${env:NAME}} reference. */
    Secret secret(String key, boolean required) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(key, "is required; write ${env:NAME} and set the environment variable NAME");
            }
            return null;
        }
        String text = v.asText().strip();
        Matcher m = REFERENCE.matcher(text);
        if (!m.matches()) {
            throw error(key, "holds a secret, so it must be an environment reference like ${env:NAME} and not the"
                    + " value itself; move the value into an environment variable");
        }
        return new Secret(lookup(key, m.group(1)));
    }

    List<String> stringList(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isValueNode()) {
            out.add(resolve(key, v.asText()).strip());
            return out;
        }
        if (!v.isArray()) {
            throw error(key, "must be a list of values");
        }
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull()) {
                throw error(key, "must be a list of plain values");
            }
            out.add(resolve(key, item.asText()).strip());
        }
        return out;
    }

    int integer(String key, int fallback, int min, int max) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw error(key, "must be a whole number from " + min + " to " + max + ", was '" + v.asText() + "'");
        }
        return v.asInt();
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The raw value of a key (marking it read), or null when absent. */
    JsonNode rawChild(String key) {
        read.add(key);
        return node.get(key);
    }

    /** A mapping found inside this one, described by {@code where} in errors. */
    ConfigSection child(JsonNode mapping, String where) {
        return new ConfigSection(file, where, mapping, env);
    }

    /** A nested mapping, or null when absent. */
    ConfigSection section(String key, String name) {
        read.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return new ConfigSection(file, where + " " + name, v, env);
    }

    /**
     * An http(s) URL with a host and no user-info. Plain http is accepted only for loopback hosts (local
     * testing and relays); anything else must use https so tokens and findings are not sent in the clear.
     */
    URI url(String key, String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw error(key, "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw error(key, "must be an https:// URL with a host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw error(key, "must not carry a user name or password; use the auth settings");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw error(key, "uses plain http to " + uri.getHost() + "; use https (plain http is accepted only for"
                    + " localhost)");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    void finish() {
        Iterator<String> names = node.fieldNames();
        List<String> unknown = new ArrayList<>();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> known = new ArrayList<>(read);
            known.sort(null);
            throw error(null, "has unknown key" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
                    + "; the keys allowed here are " + quoted(known));
        }
    }

    RoutingConfigException error(String key, String problem) {
        return new RoutingConfigException("routing configuration " + file + ": " + where
                + (key == null ? "" : ", field '" + key + "'") + ": " + problem);
    }

    private String resolve(String key, String text) {
        Matcher any = ANY_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (any.find()) {
            Matcher ref = REFERENCE.matcher(any.group());
            if (!ref.matches()) {
                throw error(key, "has a malformed environment reference; write ${env:NAME} with NAME made of"
                        + " letters, digits and '_'");
            }
            any.appendReplacement(out, Matcher.quoteReplacement(lookup(key, ref.group(1))));
        }
        any.appendTail(out);
        return out.toString();
    }

    private String lookup(String key, String variable) {
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw error(key, "refers to the environment variable " + variable + ", which is not set; set it before"
                    + " starting Vigil");
        }
        return value;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + TicketText.oneLine(n, 60) + "'").toList());
    }
}
