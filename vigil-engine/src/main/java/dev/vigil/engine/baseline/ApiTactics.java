package dev.vigil.engine.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps an API call to the tactic of its anomaly finding. The mapping is content, not code: the built-in table is
 * {@code baseline/api-tactics.yaml} (lookup order and rationale in the file and in docs/baselines.md).
 */
final class ApiTactics {

    static final String RESOURCE = "baseline/api-tactics.yaml";

    private static final Pattern SOURCE_AND_NAME = Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com:[A-Za-z0-9]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

    private final Map<String, Tactic> exact;
    private final Map<String, Tactic> prefixes;
    private final int longestPrefix;
    private final Tactic readOnlyDefault;
    private final Tactic writeDefault;

    private ApiTactics(Map<String, Tactic> exact, Map<String, Tactic> prefixes, Tactic readOnlyDefault,
                       Tactic writeDefault) {
        this.exact = Map.copyOf(exact);
        this.prefixes = Map.copyOf(prefixes);
        this.longestPrefix = prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.readOnlyDefault = readOnlyDefault;
        this.writeDefault = writeDefault;
    }

    /** The table shipped with Vigil; a broken table is a build defect, which the tests catch. */
    static ApiTactics builtIn() {
        try (InputStream in = ApiTactics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BaselineConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static ApiTactics parse(InputStream in, String file) throws IOException, BaselineConfigException {
        Map<String, Tactic> exact = new HashMap<>();
        Map<String, Tactic> prefixes = new HashMap<>();
        Tactic readOnly = null;
        Tactic write = null;
        boolean versioned = false;
        for (FlatYaml.Entry e : FlatYaml.read(in, file)) {
            switch (e.key()) {
                case "version" -> {
                    if (!e.isScalar() || !e.text().equals("1")) {
                        throw new BaselineConfigException(at(file, e) + "version must be 1");
                    }
                    versioned = true;
                }
                case "exact" -> table(file, e, exact, true);
                case "prefix" -> table(file, e, prefixes, false);
                case "default-read-only" -> readOnly = tactic(file, e);
                case "default-write" -> write = tactic(file, e);
                default -> throw new BaselineConfigException(at(file, e) + "unknown key '" + e.key()
                        + "'; expected version, exact, prefix, default-read-only, default-write");
            }
        }
        if (!versioned || readOnly == null || write == null) {
            throw new BaselineConfigException(file + "#line 1: version, default-read-only and default-write are"
                    + " required");
        }
        return new ApiTactics(exact, prefixes, readOnly, write);
    }

    private static void table(String file, FlatYaml.Entry e, Map<String, Tactic> into, boolean exact)
            throws BaselineConfigException {
        if (e.isScalar()) {
            throw new BaselineConfigException(at(file, e) + "'" + e.key() + "' must be a mapping of API to tactic");
        }
        for (FlatYaml.Entry rule : e.children()) {
            boolean valid = exact
                    ? SOURCE_AND_NAME.matcher(rule.key()).matches() || NAME.matcher(rule.key()).matches()
                    : NAME.matcher(rule.key()).matches();
            if (!valid) {
                throw new BaselineConfigException(at(file, rule) + "'" + rule.key() + "' is not "
                        + (exact ? "an eventSource:eventName pair or an eventName" : "an eventName prefix"));
            }
            into.put(rule.key(), tactic(file, rule));
        }
    }

    private static Tactic tactic(String file, FlatYaml.Entry e) throws BaselineConfigException {
        Tactic t = e.isScalar() ? Tactic.byGuardDutyName(e.text()) : null;
        if (t == null) {
            throw new BaselineConfigException(at(file, e) + "'" + (e.isScalar() ? e.text() : e.key())
                    + "' is not a tactic; use one of " + List.of(Tactic.values()).stream()
                    .map(Tactic::guardDutyName).toList());
        }
        return t;
    }

    private static String at(String file, FlatYaml.Entry e) {
        return file + "#line " + e.line() + ": ";
    }

    /** The tactic of one call; {@code readOnly} as the record says, false when it does not say. */
    Tactic of(String eventSource, String eventName, boolean readOnly) {
        Tactic t = exact.get(eventSource + ":" + eventName);
        if (t == null) {
            t = exact.get(eventName);
        }
        for (int len = Math.min(longestPrefix, eventName.length()); t == null && len > 0; len--) {
            t = prefixes.get(eventName.substring(0, len));
        }
        if (t == null) {
            t = readOnly ? readOnlyDefault : writeDefault;
        }
        return t;
    }

    /** Every tactic the table can give, for the tests that check each is reachable. */
    java.util.Set<Tactic> used() {
        java.util.EnumSet<Tactic> all = java.util.EnumSet.of(readOnlyDefault, writeDefault);
        all.addAll(exact.values());
        all.addAll(prefixes.values());
        return all;
    }
}
