package dev.vigil.posture.framework;

import dev.vigil.posture.framework.LocatedYaml.Entry;
import dev.vigil.posture.framework.LocatedYaml.Mapping;
import dev.vigil.posture.framework.LocatedYaml.Node;
import dev.vigil.posture.framework.LocatedYaml.Scalar;
import dev.vigil.posture.framework.LocatedYaml.Sequence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads framework mapping files: the built-in ones from the classpath ({@code posture/frameworks/ID.yaml}) and the
 * user's own ({@code --framework-file PATH}). The format is documented in docs/posture-frameworks.md.
 *
 * <p>Strict on purpose: a misspelt key ({@code check:} for {@code checks:}) would otherwise silently turn a
 * requirement into one nobody judges. Unknown keys, missing keys, duplicate requirement ids, a bad responsibility
 * label or a requirement that is neither mapped nor manual each fail the load with a {@link FrameworkFileException}
 * naming the file, line and key. Whether the mapped check ids exist is {@link FrameworkValidator}'s job, since the
 * catalogue (built-in plus custom checks) is known only later.
 */
public final class FrameworkLoader {

    /** The built-in frameworks, in the order they are listed and reported. */
    public static final List<String> BUILT_IN_IDS = List.of("cis-aws-foundations", "aws-fsbp", "pci-dss-v4.0",
            "hipaa-security", "gdpr", "nist-800-53-r5", "soc2");

    static final String RESOURCE_DIR = "posture/frameworks/";
    /** A framework file is a few hundred lines; anything far larger is not one. */
    static final long MAX_FILE_BYTES = 4L << 20;

    private static final Pattern FRAMEWORK_ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9]+(\\.[a-z0-9_]+)+");
    private static final Set<String> TOP_KEYS = Set.of("id", "name", "version", "description", "requirements");
    private static final Set<String> REQUIREMENT_KEYS = Set.of("id", "title", "section", "responsibility", "checks",
            "manual", "evidence");

    private FrameworkLoader() {
    }

    /** Every built-in framework, in {@link #BUILT_IN_IDS} order. */
    public static List<Framework> builtIns() {
        List<Framework> out = new ArrayList<>();
        for (String id : BUILT_IN_IDS) {
            out.add(builtIn(id));
        }
        return out;
    }

    /**
     * One built-in framework.
     *
     * @throws IllegalArgumentException when no built-in framework has that id
     */
    public static Framework builtIn(String id) {
        if (!BUILT_IN_IDS.contains(id)) {
            throw new IllegalArgumentException("no built-in framework '" + id + "'; built in are "
                    + String.join(", ", BUILT_IN_IDS));
        }
        String resource = RESOURCE_DIR + id + ".yaml";
        String source = "classpath:" + resource;
        try (InputStream in = FrameworkLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing from the build");
            }
            Framework f = parse(decode(in.readAllBytes(), source), source);
            if (!f.id().equals(id)) {
                throw new FrameworkFileException(source, 0, "declares id '" + f.id() + "' but is named " + id);
            }
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(source + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads a user's framework file. */
    public static Framework load(Path file) {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new FrameworkFileException(source, 0, "is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MB; a framework file is a list of requirements, check that the right file was given");
            }
            return parse(decode(Files.readAllBytes(file), source), source);
        } catch (IOException e) {
            throw new FrameworkFileException(source, 0, "cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the path given to --framework-file");
        }
    }

    /** Parses framework YAML; {@code source} names it in errors and becomes {@link Framework#source()}. */
    public static Framework parse(String yaml, String source) {
        return new FileReader(source).framework(LocatedYaml.read(yaml, source));
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FrameworkFileException(source, 0, "is not UTF-8 text; save it as UTF-8");
        }
    }

    /** The reading of one file, carrying its name into every error. */
    private record FileReader(String source) {

        Framework framework(Node root) {
            Mapping top = mapping(root, "the file", "a mapping with id, name, version and requirements");
            checkKeys(top, TOP_KEYS, "a framework");
            String id = text(top, "id", true);
            if (!FRAMEWORK_ID.matcher(id).matches()) {
                throw error(top.entries().get("id").line(), "key 'id': '" + id + "' is not a framework id; use lower-case "
                        + "letters, digits, '.' and '-', e.g. my-baseline");
            }
            String name = text(top, "name", true);
            String version = text(top, "version", true);
            String description = text(top, "description", false);
            Entry reqs = top.entries().get("requirements");
            if (reqs == null) {
                throw error(top.line(), "key 'requirements' is missing; list the framework's requirements under it");
            }
            if (!(reqs.value() instanceof Sequence list) || list.items().isEmpty()) {
                throw error(reqs.line(), "key 'requirements' must be a non-empty list of requirements");
            }
            List<Requirement> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : list.items()) {
                Requirement r = requirement(item);
                Integer first = seen.putIfAbsent(r.id(), r.line());
                if (first != null) {
                    throw error(r.line(), "key 'id': requirement '" + r.id() + "' appears twice (first on line "
                            + first + "); give each requirement its own id");
                }
                out.add(r);
            }
            return new Framework(id, name, version, description, source, out);
        }

        private Requirement requirement(Node node) {
            Mapping m = mapping(node, "a requirement", "a mapping with id, title, section, responsibility and "
                    + "checks or manual");
            checkKeys(m, REQUIREMENT_KEYS, "a requirement");
            String id = text(m, "id", true);
            String title = text(m, "title", true);
            String section = text(m, "section", true);
            String label = text(m, "responsibility", true);
            Responsibility responsibility;
            try {
                responsibility = Responsibility.parse(label);
            } catch (IllegalArgumentException e) {
                throw error(m.entries().get("responsibility").line(), "key 'responsibility': " + e.getMessage());
            }
            boolean manual = bool(m, "manual");
            List<String> checks = checks(m);
            String evidence = text(m, "evidence", false);
            if (manual && !checks.isEmpty()) {
                throw error(m.entries().get("checks").line(), "key 'checks': requirement " + id + " is manual: true "
                        + "and also maps checks; keep one");
            }
            if (!manual && checks.isEmpty()) {
                throw error(m.line(), "requirement " + id + " has no 'checks'; map at least one check id or mark it "
                        + "'manual: true' with an 'evidence' note");
            }
            if (manual && evidence.isBlank()) {
                throw error(m.line(), "key 'evidence' is missing: manual requirement " + id + " needs one line on "
                        + "what evidence an auditor should collect");
            }
            if (!manual && !evidence.isBlank()) {
                throw error(m.entries().get("evidence").line(), "key 'evidence': only manual requirements carry an "
                        + "evidence note; remove it from " + id + " or mark it manual");
            }
            return new Requirement(id, title, section, responsibility, checks, manual, evidence, m.line());
        }

        private List<String> checks(Mapping m) {
            Entry e = m.entries().get("checks");
            if (e == null) {
                return List.of();
            }
            if (!(e.value() instanceof Sequence seq)) {
                throw error(e.line(), "key 'checks' must be a list of check ids, e.g. [cloudtrail.log_file_validation]");
            }
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                if (!(item instanceof Scalar s) || s.isNull() || s.isBoolean()) {
                    throw error(item.line(), "key 'checks': each item must be a check id");
                }
                if (!CHECK_ID.matcher(s.text()).matches()) {
                    throw error(item.line(), "key 'checks': '" + s.text() + "' is not a check id; ids are lower-case "
                            + "and dotted, e.g. cloudtrail.log_file_validation");
                }
                if (out.contains(s.text())) {
                    throw error(item.line(), "key 'checks': '" + s.text() + "' is listed twice");
                }
                out.add(s.text());
            }
            return out;
        }

        private boolean bool(Mapping m, String key) {
            Entry e = m.entries().get(key);
            if (e == null) {
                return false;
            }
            if (!(e.value() instanceof Scalar s) || !s.isBoolean()) {
                throw error(e.line(), "key '" + key + "' must be true or false");
            }
            return Boolean.parseBoolean(s.text());
        }

        private String text(Mapping m, String key, boolean required) {
            Entry e = m.entries().get(key);
            if (e == null) {
                if (required) {
                    throw error(m.line(), "key '" + key + "' is missing");
                }
                return "";
            }
            if (!(e.value() instanceof Scalar s) || s.isNull() || s.text().isBlank()) {
                throw error(e.line(), "key '" + key + "' must be a non-empty text");
            }
            return s.text().strip();
        }

        private Mapping mapping(Node node, String what, String expected) {
            if (node instanceof Mapping m) {
                return m;
            }
            throw error(node.line(), what + " must be " + expected);
        }

        private void checkKeys(Mapping m, Set<String> allowed, String what) {
            for (Entry e : m.entries().values()) {
                if (!allowed.contains(e.key())) {
                    throw error(e.line(), "key '" + e.key() + "' is not known in " + what + "; expected "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private FrameworkFileException error(int line, String message) {
            return new FrameworkFileException(source, line, message);
        }
    }
}
