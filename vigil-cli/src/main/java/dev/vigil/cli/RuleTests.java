package dev.vigil.cli;

import dev.vigil.model.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A rule and the example files that test it.
 *
 * @param rule     the rule
 * @param cases    its example files, match cases first, each sorted by name
 * @param problems what is wrong with its test folder (stray files, unknown folders)
 * @param folder   where its examples are, or would be: the folder to tell the user about
 */
record RuleTests(RuleEntry rule, List<Case> cases, List<Problem> problems, String folder) {

    RuleTests {
        Objects.requireNonNull(rule, "rule");
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
        Objects.requireNonNull(folder, "folder");
    }

    /** What a rule must do on the records of a file. */
    enum Expect {
        MATCH("match"), NOMATCH("nomatch");

        private final String folder;

        Expect(String folder) {
            this.folder = folder;
        }

        /** The folder name, which is also the word used in output. */
        String folder() {
            return folder;
        }
    }

    /**
     * One example file.
     *
     * @param expect  match or nomatch
     * @param path    where to read it
     * @param display how to name it in output
     */
    record Case(Expect expect, Path path, String display) {
    }

    long count(Expect e) {
        return cases.stream().filter(c -> c.expect() == e).count();
    }
}
