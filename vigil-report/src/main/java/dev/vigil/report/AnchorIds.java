package dev.vigil.report;

import dev.vigil.model.Finding;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fragment ids for findings in the HTML report. Finding ids are hex digests, used as they are; anything else
 * (an id from an imported finding) is replaced by its own hex digest, so no attacker-shaped text ever becomes
 * an id or a link target. Repeated ids get a suffix so every link lands on its own finding.
 */
final class AnchorIds {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    private final Set<String> used = new HashSet<>();

    String next(Finding f) {
        String base = "f-" + (HEX.matcher(f.id()).matches() ? f.id() : Finding.idFor("anchor", Map.of("id", f.id())));
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }
}
