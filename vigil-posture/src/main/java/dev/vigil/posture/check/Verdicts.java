package dev.vigil.posture.check;

import dev.vigil.posture.inventory.Resource;

/**
 * Builds one check's results with uniform wording, so every check says "why" the same way and the missing-data
 * rule (never FAIL for absent or denied data) is applied in one place.
 *
 * <pre>{@code
 * Verdicts v = new Verdicts(metadata());
 * out.add(v.fail(bucket, "Versioning is Suspended and Object Lock is off."));
 * out.add(v.unavailable(account, region, exported));   // Missing or Failed → ERROR with the file to export
 * }</pre>
 */
public final class Verdicts {

    /** The resource type used for account- and region-wide results. */
    public static final String ACCOUNT = "AWS::::Account";

    private final CheckMetadata metadata;

    public Verdicts(CheckMetadata metadata) {
        this.metadata = metadata;
    }

    public CheckResult pass(Resource resource, String reason) {
        return of(CheckStatus.PASS, resource, reason);
    }

    public CheckResult fail(Resource resource, String reason) {
        return of(CheckStatus.FAIL, resource, reason);
    }

    public CheckResult notApplicable(Resource resource, String reason) {
        return of(CheckStatus.NOT_APPLICABLE, resource, reason);
    }

    public CheckResult error(Resource resource, String reason) {
        return of(CheckStatus.ERROR, resource, reason);
    }

    /** A verdict on a resource from the inventory. */
    public CheckResult of(CheckStatus status, Resource resource, String reason) {
        return new CheckResult(metadata.id(), status, resource.account(), resource.region(), resource.type(),
                resource.displayId(), reason);
    }

    /** A verdict on an account/region scope (region may be {@code global} or empty for account-wide checks). */
    public CheckResult scope(CheckStatus status, String account, String region, String reason) {
        String resource = region == null || region.isEmpty() ? account : account + "/" + region;
        return new CheckResult(metadata.id(), status, account, region, ACCOUNT, resource, reason);
    }

    /** A verdict on a named thing that is not a Config resource (a trail from describe-trails, an SNS topic…). */
    public CheckResult named(CheckStatus status, String account, String region, String resourceType,
                             String resource, String reason) {
        return new CheckResult(metadata.id(), status, account, region, resourceType, resource, reason);
    }

    /**
     * The ERROR result for an export that is missing or records a failure: names the call and the file to add, or
     * quotes the error code. Call only with {@link Exported.Missing} or {@link Exported.Failed}.
     */
    public CheckResult unavailable(String account, String region, Exported exported) {
        return scope(CheckStatus.ERROR, account, region, unavailableReason(exported));
    }

    /** The sentence used by {@link #unavailable}, for checks that attach it to a resource instead of a scope. */
    public static String unavailableReason(Exported exported) {
        return switch (exported) {
            case Exported.Missing m -> "Not judged: no export of `" + m.cliCall() + "`; add it as "
                    + m.expectedFile() + " (or run with --live).";
            case Exported.Failed f -> "Not judged: the export of this data failed with " + clip(f.code())
                    + (f.message().isEmpty() ? "" : " (" + clip(f.message()) + ")") + "; grant the read permission and export it again.";
            case Exported.Present p -> throw new IllegalArgumentException("export is present: " + p.source());
        };
    }

    /** Shortens attacker-influenced text before it goes into a reason sentence. */
    public static String clip(String text) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }

    public CheckMetadata metadata() {
        return metadata;
    }
}
