package dev.vigil.engine.testing;

import dev.vigil.engine.DetectionSet;
import dev.vigil.engine.RuleLoadResult;
import dev.vigil.engine.RuleLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiles rules written inline in a test. */
public final class Rules {

    private Rules() {
    }

    /** The rules of the YAML text; fails the test if anything does not load. */
    public static DetectionSet compile(String yaml) {
        RuleLoadResult loaded = RuleLoader.loadText("test.yml", yaml);
        DetectionSet set = DetectionSet.of(loaded);
        assertThat(set.problems()).isEmpty();
        return set;
    }
}
