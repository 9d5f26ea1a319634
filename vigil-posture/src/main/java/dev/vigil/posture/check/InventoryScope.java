package dev.vigil.posture.check;

import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The loop most resource checks share: one verdict per live resource of a type, account by account, and one
 * verdict for an account that has none. "None" means two different things: an account whose AWS Config data was
 * given but holds no such resource has nothing to judge (NOT_APPLICABLE), while an account with no Config data at
 * all (known only from an Organizations export or from CLI exports) could not be looked at (ERROR), so it never
 * silently drops out of the report.
 */
public final class InventoryScope {

    private InventoryScope() {
    }

    /**
     * Judges every live resource of {@code type} in every account of the estate.
     *
     * @param plural what the resources are called in a sentence, e.g. "KMS keys"
     */
    public static List<CheckResult> eachResource(Estate estate, Verdicts v, String type, String plural,
                                                 Function<Resource, CheckResult> judge) {
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            List<Resource> resources = estate.inventory().ofType(type, account).toList();
            if (resources.isEmpty()) {
                out.add(nothingToJudge(estate, v, account, plural));
            }
            resources.forEach(r -> out.add(judge.apply(r)));
        }
        return out;
    }

    /** The verdict for an account without resources to judge: NOT_APPLICABLE with Config data, else ERROR. */
    public static CheckResult nothingToJudge(Estate estate, Verdicts v, String account, String plural) {
        if (estate.inventory().accounts().contains(account)) {
            return v.scope(CheckStatus.NOT_APPLICABLE, account, "", "No " + plural + " are recorded in this account's "
                    + "AWS Config data, so there is nothing to judge.");
        }
        return v.scope(CheckStatus.ERROR, account, "", "Not judged: no AWS Config data was given for this account, so "
                + "its " + plural + " could not be looked at; include its Config snapshot (or run with --live).");
    }
}
