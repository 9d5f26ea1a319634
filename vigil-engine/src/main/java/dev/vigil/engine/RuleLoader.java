package dev.vigil.engine;

import dev.vigil.engine.sigma.FieldMapping;
import dev.vigil.engine.sigma.Placeholders;
import dev.vigil.engine.sigma.PlaceholdersException;
import dev.vigil.engine.sigma.SigmaParseResult;
import dev.vigil.engine.sigma.SigmaRuleParser;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Sigma rule files (YAML, one or more rules per file separated by {@code ---}) from the classpath, a
 * directory or a single file. Reading never stops at the first problem: every unreadable file and every broken
 * rule is reported with its location, and the other rules load.
 *
 * <p>Files larger than {@link #MAX_FILE_BYTES} are refused, and YAML anchors/aliases are rejected, so a hostile rule
 * file cannot exhaust memory.
 */
public final class RuleLoader {

    /** Largest rule file read; real rule files are a few kilobytes. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    /** Classpath folder of the built-in rules and the index file listing them. */
    static final String BUILT_IN_FOLDER = "rules/";
    static final String BUILT_IN_INDEX = BUILT_IN_FOLDER + "index.txt";

    private RuleLoader() {
    }

    /**
     * The built-in detection pack shipped in this module: the files listed in {@code rules/index.txt} on the
     * classpath.
     */
    public static RuleLoadResult loadBuiltIn() {
        ClassLoader loader = RuleLoader.class.getClassLoader();
        String index = readResource(loader, BUILT_IN_INDEX);
        if (index == null) {
            return new RuleLoadResult(List.of(), List.of(new Problem("classpath:" + BUILT_IN_INDEX,
                    "file-unreadable", "the built-in rule index is missing from the classpath; the vigil-engine jar"
                    + " is incomplete, reinstall it")));
        }
        RuleLoadResult result = RuleLoadResult.empty();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String origin = "classpath:" + BUILT_IN_FOLDER + name;
            String text = readResource(loader, BUILT_IN_FOLDER + name);
            result = result.plus(text == null
                    ? new RuleLoadResult(List.of(), List.of(new Problem(origin, "file-unreadable",
                    "listed in the built-in rule index but missing or over " + MAX_FILE_BYTES + " bytes")))
                    : loadText(origin, text));
        }
        return result;
    }

    /** Every {@code .yml} and {@code .yaml} file under the directory, recursively, in path order. */
    public static RuleLoadResult loadDirectory(Path directory) {
        return loadDirectory(directory, RuleLoadOptions.DEFAULT);
    }

    /**
     * Every {@code .yml} and {@code .yaml} file under the directory, recursively, in path order, prepared as the
     * options say. A field mapping is applied to the directory as a whole, so a correlation and the rules it counts
     * may sit in different files.
     */
    public static RuleLoadResult loadDirectory(Path directory, RuleLoadOptions options) {
        if (!Files.isDirectory(directory)) {
            return problem(directory.toString(), "file-unreadable", "not a directory: give a folder of .yml rule files");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return problem(directory.toString(), "file-unreadable", "cannot list the directory: " + e.getMessage());
        }
        RuleLoadResult result = RuleLoadResult.empty();
        for (Path file : files) {
            result = result.plus(readFile(file, options.placeholders()));
        }
        return prepared(result, options);
    }

    /** One rule file. */
    public static RuleLoadResult loadFile(Path file) {
        return loadFile(file, RuleLoadOptions.DEFAULT);
    }

    /** One rule file, prepared as the options say. */
    public static RuleLoadResult loadFile(Path file, RuleLoadOptions options) {
        return prepared(readFile(file, options.placeholders()), options);
    }

    /**
     * Rules from text, e.g. a rule embedded in a test.
     *
     * @param origin name used in problem locations
     */
    public static RuleLoadResult loadText(String origin, String text) {
        return loadText(origin, text, RuleLoadOptions.DEFAULT);
    }

    /**
     * Rules from text, prepared as the options say.
     *
     * @param origin name used in problem locations
     */
    public static RuleLoadResult loadText(String origin, String text, RuleLoadOptions options) {
        return prepared(parseText(origin, text, options.placeholders()), options);
    }

    private static RuleLoadResult parseText(String origin, String text, Placeholders placeholders) {
        if (text.length() > MAX_FILE_BYTES) {
            return problem(origin, "file-too-large", "rule text is over " + MAX_FILE_BYTES + " characters");
        }
        SigmaParseResult parsed = SigmaRuleParser.parse(origin, text, placeholders);
        return new RuleLoadResult(parsed.documents(), parsed.filters(), parsed.problems(), parsed.warnings());
    }

    /**
     * A field-mapping file (see {@link FieldMapping}), with the same size and encoding limits as rule files. A file
     * with any problem yields no mapping: rules must not run half-mapped.
     */
    public static FieldMapping.Parsed loadFieldMapping(Path file) {
        String origin = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return mappingProblem(origin, "file-too-large", "field-mapping file is " + size
                        + " bytes, over the limit of " + MAX_FILE_BYTES);
            }
            String text = decode(Files.readAllBytes(file));
            if (text == null) {
                return mappingProblem(origin, "file-unreadable", "not UTF-8 text; save the field-mapping file as UTF-8");
            }
            return FieldMapping.parse(origin, text);
        } catch (IOException e) {
            return mappingProblem(origin, "file-unreadable", "cannot read the file: " + e.getMessage());
        }
    }

    private static FieldMapping.Parsed mappingProblem(String origin, String reason, String message) {
        return new FieldMapping.Parsed(Optional.empty(), List.of(new Problem(origin, reason, message)));
    }

    private static RuleLoadResult readFile(Path file, Placeholders placeholders) {
        String origin = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return problem(origin, "file-too-large", "rule file is " + size + " bytes, over the limit of "
                        + MAX_FILE_BYTES + "; split it into smaller files");
            }
            String text = decode(Files.readAllBytes(file));
            if (text == null) {
                return problem(origin, "file-unreadable", "not UTF-8 text; save the rule file as UTF-8");
            }
            return parseText(origin, text, placeholders);
        } catch (IOException e) {
            return problem(origin, "file-unreadable", "cannot read the file: " + e.getMessage());
        }
    }

    private static RuleLoadResult prepared(RuleLoadResult read, RuleLoadOptions options) {
        FieldMapping mapping = options.fieldMapping();
        if (mapping.isEmpty()) {
            return read;
        }
        FieldMapping.Result mapped = mapping.apply(read.documents(), read.filters());
        List<Problem> problems = new ArrayList<>(read.problems());
        problems.addAll(mapped.problems());
        return new RuleLoadResult(mapped.documents(), mapped.filters(), problems, read.warnings());
    }

    /**
     * Reads a placeholders file (YAML, {@code placeholders: {name: [values]}}; see {@link Placeholders}), with
     * the same size limit and UTF-8 check as rule files.
     *
     * @throws PlaceholdersException naming the file (and line) when it cannot be read or used
     */
    public static Placeholders loadPlaceholders(Path file) throws PlaceholdersException {
        String origin = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new PlaceholdersException(origin + ": placeholders file is " + size + " bytes, over the limit of "
                        + MAX_FILE_BYTES);
            }
            String text = decode(Files.readAllBytes(file));
            if (text == null) {
                throw new PlaceholdersException(origin + ": not UTF-8 text; save the placeholders file as UTF-8");
            }
            return Placeholders.parse(origin, text);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PlaceholdersException(origin + ": no such placeholders file");
        } catch (IOException e) {
            throw new PlaceholdersException(origin + ": cannot read the placeholders file: " + e.getMessage());
        }
    }

    private static boolean isRuleFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static String readResource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            return bytes.length > MAX_FILE_BYTES ? null : decode(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    /** Strict UTF-8 (a byte-order mark is dropped); null when the bytes are not UTF-8. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static RuleLoadResult problem(String location, String reason, String message) {
        return new RuleLoadResult(List.of(), List.of(new Problem(location, reason, message)));
    }

    static List<String> builtInFileNames() {
        String index = readResource(RuleLoader.class.getClassLoader(), BUILT_IN_INDEX);
        List<String> names = new ArrayList<>();
        if (index != null) {
            for (String line : index.split("\n")) {
                String n = line.strip();
                if (!n.isEmpty() && !n.startsWith("#")) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
