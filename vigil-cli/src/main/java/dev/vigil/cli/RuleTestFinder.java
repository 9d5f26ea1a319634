package dev.vigil.cli;

import dev.vigil.engine.sigma.SigmaDocument;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds each rule's example files in the documented layout: next to the rule's file, a folder
 * {@code tests/<rule name or id>/} holding {@code match/} and {@code nomatch/} folders of {@code .json} or
 * {@code .jsonl} files (optionally gzipped). Anything else found there is reported rather than silently ignored,
 * since a misnamed file is a test that never runs. Markdown notes and hidden files are left alone.
 */
final class RuleTestFinder {

    static final String TESTS = "tests";

    /** A folder rule files were loaded from, with its {@code tests} folder. */
    private record RulesFolder(Path path, String display, boolean complete) {
        Path tests() {
            return path.resolve(TESTS);
        }

        String show(Path p) {
            String rel = path.relativize(p).toString().replace('\\', '/');
            return display.isEmpty() ? rel : display + rel;
        }
    }

    private final ClasspathFolders classpath;
    private final Predicate<Path> wholeFolderLoaded;

    /**
     * @param classpath         resolves rules loaded from the classpath (the built-in pack) to files
     * @param wholeFolderLoaded whether every rule file of a folder was loaded, so a test folder there that names
     *                          no loaded rule is an orphan rather than a rule the user did not ask for
     */
    RuleTestFinder(ClasspathFolders classpath, Predicate<Path> wholeFolderLoaded) {
        this.classpath = classpath;
        this.wholeFolderLoaded = wholeFolderLoaded;
    }

    /** The test plan: each rule's cases, and orphaned test folders as problems. */
    Plan find(Collection<RuleEntry> rules, Collection<SigmaDocument> allLoaded) {
        List<RuleTests> tests = new ArrayList<>();
        Map<Path, RulesFolder> folders = new LinkedHashMap<>();
        for (RuleEntry rule : rules) {
            Optional<RulesFolder> folder = folderOf(rule.document().source().file());
            folder.ifPresent(f -> folders.putIfAbsent(f.path(), f));
            tests.add(folder.map(f -> casesOf(rule, f)).orElseGet(() -> new RuleTests(rule, List.of(),
                    List.of(new Problem(rule.source(), "test-layout", "cannot read the folder this rule was loaded "
                            + "from, so its tests cannot be found")), rule.source())));
        }
        Set<String> known = new HashSet<>();
        for (SigmaDocument d : allLoaded) {
            if (d.name() != null) {
                known.add(d.name());
            }
            if (d.id() != null) {
                known.add(d.id());
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (RulesFolder f : folders.values()) {
            if (f.complete()) {
                orphans(f, known, problems);
            }
        }
        return new Plan(tests, problems);
    }

    /**
     * @param rules    every rule to test, with its cases
     * @param problems test folders that belong to no loaded rule
     */
    record Plan(List<RuleTests> rules, List<Problem> problems) {
        Plan {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    private Optional<RulesFolder> folderOf(String ruleFile) {
        String resource = RuleOrigin.classpathResource(ruleFile);
        if (resource != null) {
            Optional<Path> path = classpath.path(resource);
            if (path.isEmpty() || path.get().getParent() == null) {
                return Optional.empty();
            }
            int slash = resource.lastIndexOf('/');
            String display = RuleOrigin.display("classpath:" + resource.substring(0, slash + 1));
            return Optional.of(new RulesFolder(path.get().getParent(), display, true));
        }
        try {
            Path parent = Path.of(ruleFile).getParent();
            Path folder = parent == null ? Path.of("") : parent;
            String display = parent == null ? "" : parent + parent.getFileSystem().getSeparator();
            return Optional.of(new RulesFolder(folder, display, wholeFolderLoaded.test(folder)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static RuleTests casesOf(RuleEntry rule, RulesFolder folder) {
        List<RuleTests.Case> cases = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        names.add(rule.id());
        SigmaDocument doc = rule.document();
        if (doc.name() != null) {
            names.add(doc.name());
        }
        if (doc.id() != null) {
            names.add(doc.id());
        }
        for (String name : names) {
            Path dir = safeChild(folder.tests(), name);
            if (dir != null && Files.isDirectory(dir)) {
                read(dir, folder, cases, problems);
            }
        }
        cases.sort(java.util.Comparator.comparing(RuleTests.Case::expect).thenComparing(RuleTests.Case::display));
        return new RuleTests(rule, cases, problems, folder.show(folder.tests()) + "/" + rule.id() + "/");
    }

    /** {@code tests/<name>} when the name is a plain folder name; null for names that would leave the folder. */
    private static Path safeChild(Path tests, String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
            return null;
        }
        try {
            return tests.resolve(name);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void read(Path ruleDir, RulesFolder folder, List<RuleTests.Case> cases, List<Problem> problems) {
        for (Path entry : list(ruleDir, folder, problems)) {
            String name = entry.getFileName().toString();
            RuleTests.Expect expect = switch (name) {
                case "match" -> RuleTests.Expect.MATCH;
                case "nomatch" -> RuleTests.Expect.NOMATCH;
                default -> null;
            };
            if (expect != null && Files.isDirectory(entry)) {
                readCases(entry, expect, folder, cases, problems);
            } else if (!ignored(name)) {
                problems.add(new Problem(folder.show(entry), "test-layout", "not read: a rule's test folder holds "
                        + "only match/ and nomatch/ folders; move or rename it"));
            }
        }
    }

    private static void readCases(Path dir, RuleTests.Expect expect, RulesFolder folder,
                                  List<RuleTests.Case> cases, List<Problem> problems) {
        for (Path file : list(dir, folder, problems)) {
            String name = file.getFileName().toString();
            if (ignored(name)) {
                continue;
            }
            if (Files.isRegularFile(file) && isRecordFile(name)) {
                cases.add(new RuleTests.Case(expect, file, folder.show(file)));
            } else {
                problems.add(new Problem(folder.show(file), "test-layout", Files.isDirectory(file)
                        ? "not read: put example files directly in " + expect.folder() + "/, not in sub-folders"
                        : "not read: example files are named *.json or *.jsonl (gzip allowed: *.json.gz); rename it"));
            }
        }
    }

    private static void orphans(RulesFolder folder, Set<String> known, List<Problem> problems) {
        if (!Files.isDirectory(folder.tests())) {
            return;
        }
        for (Path dir : list(folder.tests(), folder, problems)) {
            String name = dir.getFileName().toString();
            if (Files.isDirectory(dir) && !known.contains(name) && !ignored(name)) {
                problems.add(new Problem(folder.show(dir), "test-orphan", "no loaded rule has the name or id '"
                        + name + "'; rename the folder after its rule (or fix the rule's problems above)"));
            }
        }
    }

    private static boolean isRecordFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        return n.endsWith(".json") || n.endsWith(".jsonl");
    }

    /** Notes and hidden files (editor and OS droppings) may sit anywhere in the test tree. */
    private static boolean ignored(String name) {
        return name.startsWith(".") || name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private static List<Path> list(Path dir, RulesFolder folder, List<Problem> problems) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(folder.show(dir), "test-layout", "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }
}
