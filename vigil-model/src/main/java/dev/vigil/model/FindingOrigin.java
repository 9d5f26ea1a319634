package dev.vigil.model;

import java.util.Objects;

/**
 * Which product reported a finding and what it sent, so the hub can merge re-reports of the same finding and an
 * analyst can always see the original.
 *
 * <p>Vigil's own detections and posture checks use {@link #VIGIL} with the finding's own id; findings imported
 * from GuardDuty, Security Hub (ASFF) or other tools (OCSF) keep the reporting product's name and its id for the
 * finding. Two findings with the same product and product finding id are the same finding, re-reported.
 *
 * @param product          the reporting product as its format names it: {@code Vigil}, {@code GuardDuty}, an ASFF
 *                         {@code ProductName}, an OCSF {@code metadata.product.name}
 * @param productFindingId the product's own id for the finding (GuardDuty {@code id}, ASFF {@code Id}, OCSF
 *                         {@code finding_info.uid})
 * @param format           the format it arrived in: {@code vigil}, {@code guardduty}, {@code asff}, {@code ocsf}
 * @param location         where it was read: {@code FILE#line N}, or empty for Vigil's own findings
 * @param rawOriginal      the finding exactly as received (one JSON object), or empty for Vigil's own findings
 * @param confidence       the product's confidence, 0–100, or {@link #UNKNOWN_CONFIDENCE} when it gives none
 */
public record FindingOrigin(String product, String productFindingId, String format, String location,
                            String rawOriginal, int confidence) {

    /** The product name of Vigil's own findings. */
    public static final String VIGIL = "Vigil";

    /** {@link #confidence} when the product states none. */
    public static final int UNKNOWN_CONFIDENCE = -1;

    public FindingOrigin {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(productFindingId, "productFindingId");
        Objects.requireNonNull(format, "format");
        location = Objects.requireNonNullElse(location, "");
        rawOriginal = Objects.requireNonNullElse(rawOriginal, "");
        if (product.isBlank()) {
            throw new IllegalArgumentException("a finding's product must not be blank");
        }
        if (confidence != UNKNOWN_CONFIDENCE && (confidence < 0 || confidence > 100)) {
            throw new IllegalArgumentException("confidence must be 0-100 or UNKNOWN_CONFIDENCE, was " + confidence);
        }
    }

    /** The origin of one of Vigil's own findings. */
    public static FindingOrigin vigil(Finding finding) {
        return new FindingOrigin(VIGIL, finding.id(), "vigil", "", "", UNKNOWN_CONFIDENCE);
    }

    /** True for Vigil's own findings. */
    public boolean isVigil() {
        return VIGIL.equals(product) && "vigil".equals(format);
    }
}
