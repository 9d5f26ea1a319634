package dev.vigil.model;

import java.util.Map;
import java.util.Objects;

/**
 * A finding read from another product's output (GuardDuty, ASFF, OCSF), in Vigil's model plus where it came from.
 *
 * <p>The {@link Finding} part is built so the hub treats it like Vigil's own: its id is
 * {@link #idFor(String, String)} of the product and the product's finding id (so a re-report merges), its rule
 * is the finding type ({@code id} = the product's type, e.g. {@code Recon:IAMUser/MaliciousIPCaller}), and its
 * single piece of evidence, when the product cites one, is the original finding.
 *
 * @param finding the finding in Vigil's model
 * @param origin  the reporting product, its id for the finding and the original JSON
 */
public record ImportedFinding(Finding finding, FindingOrigin origin) {

    public ImportedFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(origin, "origin");
        if (!finding.id().equals(idFor(origin.product(), origin.productFindingId()))) {
            throw new IllegalArgumentException("an imported finding's id must be ImportedFinding.idFor(product, "
                    + "productFindingId); " + finding.id() + " is not, for " + origin.product() + " "
                    + origin.productFindingId());
        }
    }

    /** The Vigil id of a product's finding: the same product and product id always give the same Vigil id. */
    public static String idFor(String product, String productFindingId) {
        return Finding.idFor("import:" + product, Map.of("productFindingId", productFindingId));
    }
}
