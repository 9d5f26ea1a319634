package dev.vigil.posture.custom;

import dev.vigil.posture.check.BuiltInChecks;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.Verdicts;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads user-written posture checks from YAML files ({@code --checks FILE|DIR}; format in
 * docs/posture-custom-checks.md). Every file and every check is validated: ids, required fields, and each CEL
 * expression is compiled and type-checked, so a typo is reported at load time with file, line and check id rather
 * than turning into ERROR results in a report.
 *
 * <p>The loader collects every problem and keeps every valid check: one bad check does not hide the others, and a
 * user fixes a file in one pass.
 */
public final class CustomCheckLoader {

    /** A check file larger than this is refused: hundreds of checks fit in a fraction of it. */
    public static final int MAX_FILE_CHARS = 1024 * 1024;

    /** The valid checks in file order, and every problem found. */
    public record Loaded(List<Check> checks, List<CustomCheckError> errors) {
        public Loaded {
            checks = List.copyOf(checks);
            errors = List.copyOf(errors);
        }

        /** True when nothing was wrong. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final CustomCheckIds ids;
    private final ExpressionCompiler compiler = new ExpressionCompiler();
    /** Each id loaded so far → where it was defined, {@code FILE:LINE}, to point a duplicate at the original. */
    private final Map<String, String> firstDefinition = new HashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<CustomCheckError> errors = new ArrayList<>();

    private CustomCheckLoader(Set<String> takenIds) {
        this.ids = new CustomCheckIds(takenIds);
    }

    /**
     * Loads check files and directories (walked recursively for {@code *.yaml} and {@code *.yml}, in name order),
     * rejecting ids of the built-in catalogue.
     */
    public static Loaded load(List<Path> paths) {
        Set<String> builtIn = BuiltInChecks.all().stream().map(c -> c.metadata().id()).collect(Collectors.toSet());
        return load(paths, builtIn);
    }

    /** As {@link #load(List)}, with the ids that are already taken given explicitly. */
    public static Loaded load(List<Path> paths, Set<String> takenIds) {
        CustomCheckLoader loader = new CustomCheckLoader(takenIds);
        for (Path file : files(paths, loader.errors)) {
            loader.loadFile(file);
        }
        return new Loaded(loader.checks, loader.errors);
    }

    /** The files named or found under the directories named, each once; problems for paths that do not exist. */
    private static List<Path> files(List<Path> paths, List<CustomCheckError> errors) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> {
                                String name = p.getFileName().toString();
                                return name.endsWith(".yaml") || name.endsWith(".yml");
                            })
                            .sorted()
                            .forEach(out::add);
                } catch (IOException | RuntimeException e) {
                    errors.add(new CustomCheckError(path, 0, 0, "", "the directory could not be read ("
                            + Verdicts.clip(e.getMessage()) + "); check its permissions"));
                }
            } else if (Files.isRegularFile(path)) {
                out.add(path);
            } else {
                errors.add(new CustomCheckError(path, 0, 0, "", "no such file or directory; pass a check file or a "
                        + "directory of them to --checks"));
            }
        }
        return List.copyOf(out);
    }

    private void loadFile(Path file) {
        Problems problems = new Problems(file);
        readText(file, problems).ifPresent(text -> {
            try {
                checksList(YamlTreeReader.read(text), problems).forEach(item -> loadCheck(item, problems));
            } catch (YamlTreeReader.SyntaxException e) {
                problems.add(e.line(), e.column(), "", Verdicts.clip(e.getMessage()));
            }
        });
        errors.addAll(problems.all());
    }

    private static Optional<String> readText(Path file, Problems problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_CHARS) {
                problems.add(0, 0, "", "the file is " + size + " bytes, over the " + MAX_FILE_CHARS
                        + "-byte limit for a check file; split it into several files");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            problems.add(0, 0, "", "the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            problems.add(0, 0, "", "the file could not be read (" + Verdicts.clip(e.getMessage()) + ")");
        }
        return Optional.empty();
    }

    /** The items of the root's {@code checks:} list; problems for any other shape. */
    private static List<YamlNode> checksList(YamlNode root, Problems problems) {
        if (!(root instanceof YamlNode.Mapping mapping)) {
            problems.at(root, "", root instanceof YamlNode.Scalar s && s.isNull()
                    ? "the file is empty; a check file holds a 'checks:' list (see docs/posture-custom-checks.md)"
                    : "a check file must be a mapping with a 'checks:' list; found " + root.kind());
            return List.of();
        }
        List<YamlNode> items = new ArrayList<>();
        boolean seen = false;
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!entry.key().equals("checks")) {
                problems.at(entry, "", "unknown top-level key '" + Verdicts.clip(entry.key())
                        + "'; a check file has only 'checks:'");
            } else if (seen) {
                problems.at(entry, "", "'checks:' is given twice; merge the two lists");
            } else if (entry.value() instanceof YamlNode.Sequence sequence) {
                seen = true;
                items.addAll(sequence.items());
            } else {
                seen = true;
                problems.at(entry.value(), "", "'checks:' must be a list of checks (items starting with '- id:'); "
                        + "found " + entry.value().kind());
            }
        }
        if (!seen) {
            problems.at(mapping, "", "missing 'checks:' list");
        }
        return items;
    }

    private void loadCheck(YamlNode item, Problems problems) {
        Optional<CheckDefinition> read = new CheckDefinitionReader(ids, problems).read(item);
        if (read.isEmpty()) {
            return;
        }
        CheckDefinition definition = read.get();
        String id = definition.metadata().id();
        String origin = problems.file() + ":" + definition.line();
        String first = firstDefinition.putIfAbsent(id, origin);
        if (first != null) {
            problems.add(definition.line(), definition.column(), id, "duplicate id: already defined at " + first
                    + "; ids must be unique across all check files");
            return;
        }
        Scope scope = Scope.of(definition.metadata().resourceType());
        Optional<CompiledExpression> appliesIf = definition.appliesIf().flatMap(e -> compile(e, scope, id, problems));
        Optional<CompiledExpression> assertion = compile(definition.assertion(), scope, id, problems);
        boolean appliesIfBroken = definition.appliesIf().isPresent() && appliesIf.isEmpty();
        if (assertion.isPresent() && !appliesIfBroken) {
            checks.add(new CustomCheck(definition.metadata(), appliesIf, assertion.get(), definition.passReason(),
                    definition.failReason(), origin));
        }
    }

    private Optional<CompiledExpression> compile(CheckDefinition.Expression expression, Scope scope, String id,
                                                 Problems problems) {
        return switch (compiler.compile(expression, scope)) {
            case ExpressionCompiler.Result.Compiled c -> Optional.of(c.expression());
            case ExpressionCompiler.Result.Failed f -> {
                f.problems().forEach(p -> problems.add(expression.line(), expression.column(), id, p));
                yield Optional.empty();
            }
        };
    }
}
