package dev.vigil.posture.check.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.supplement.SupplementDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The organisation-wide exports, made in the management (or a delegated administrator) account under region
 * {@code global}. Which account that is, Vigil learns from where the user put the files.
 */
final class OrgExports {

    static final String GLOBAL = "global";

    private OrgExports() {
    }

    /** Every export of one organizations operation, classified; empty when none was given. */
    static List<Exported> all(Estate estate, String operation) {
        List<Exported> out = new ArrayList<>();
        for (SupplementDoc doc : estate.supplements().all("organizations", operation)) {
            if (doc.subject().isEmpty()) {
                out.add(Exported.of(doc));
            }
        }
        return out;
    }

    /** The account whose folder holds organizations exports, to name the file a missing export belongs in. */
    static String managementAccount(Estate estate) {
        for (SupplementDoc doc : estate.supplements().all()) {
            if (doc.service().equals("organizations")) {
                return doc.account();
            }
        }
        return estate.accounts().stream().findFirst().orElse("MANAGEMENT_ACCOUNT");
    }

    /** The first recorded failure among the exports, if every one failed. */
    static Optional<Exported.Failed> allFailed(List<Exported> exports) {
        if (exports.isEmpty() || exports.stream().anyMatch(e -> e instanceof Exported.Present)) {
            return Optional.empty();
        }
        return exports.stream().filter(e -> e instanceof Exported.Failed).map(e -> (Exported.Failed) e).findFirst();
    }

    /** The items of a list call's array field across every present export (pages or repeated exports). */
    static List<JsonNode> items(List<Exported> exports, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (Exported e : exports) {
            if (e instanceof Exported.Present p) {
                p.body().path(field).forEach(out::add);
            }
        }
        return out;
    }
}
