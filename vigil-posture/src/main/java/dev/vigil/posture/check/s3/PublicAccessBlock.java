package dev.vigil.posture.check.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Exported;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four S3 Block Public Access settings, at bucket or account level. Config writes them in camelCase
 * ({@code blockPublicAcls}); the s3control export in PascalCase ({@code BlockPublicAcls}); both are read.
 */
record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                         boolean restrictPublicBuckets) {

    static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

    static PublicAccessBlock of(JsonNode node) {
        return new PublicAccessBlock(on(node, "blockPublicAcls"), on(node, "ignorePublicAcls"),
                on(node, "blockPublicPolicy"), on(node, "restrictPublicBuckets"));
    }

    /** The bucket's own block; {@link #NONE} when Config recorded none (the element is absent until one is set). */
    static PublicAccessBlock ofBucket(Resource bucket) {
        return of(bucket.supplementary("PublicAccessBlockConfiguration"));
    }

    boolean allOn() {
        return blockPublicAcls && ignorePublicAcls && blockPublicPolicy && restrictPublicBuckets;
    }

    /** Each setting on at either level: S3 applies the most restrictive combination. */
    PublicAccessBlock or(PublicAccessBlock other) {
        return new PublicAccessBlock(blockPublicAcls || other.blockPublicAcls, ignorePublicAcls || other.ignorePublicAcls,
                blockPublicPolicy || other.blockPublicPolicy, restrictPublicBuckets || other.restrictPublicBuckets);
    }

    /** The names of the settings that are off, e.g. "BlockPublicPolicy, RestrictPublicBuckets". */
    String off() {
        List<String> off = new ArrayList<>();
        if (!blockPublicAcls) off.add("BlockPublicAcls");
        if (!ignorePublicAcls) off.add("IgnorePublicAcls");
        if (!blockPublicPolicy) off.add("BlockPublicPolicy");
        if (!restrictPublicBuckets) off.add("RestrictPublicBuckets");
        return String.join(", ", off);
    }

    /**
     * The account-level block: from the AWS::S3::AccountPublicAccessBlock item, else the
     * {@code s3control get-public-access-block} export (global). A recorded NoSuchPublicAccessBlockConfiguration
     * error means the account has no block, which is an answer, not missing data.
     */
    static Account account(Estate estate, String account) {
        Optional<Resource> item = estate.inventory().ofType("AWS::S3::AccountPublicAccessBlock", account).findFirst();
        if (item.isPresent()) {
            return new Account.Known(of(item.get().configuration()), "the account-level block");
        }
        Exported exported = Exported.lookup(estate, account, "global", "s3control", "get-public-access-block");
        return switch (exported) {
            case Exported.Present p -> new Account.Known(of(p.body().path("PublicAccessBlockConfiguration")),
                    "the account-level block");
            case Exported.Failed f when f.code().equals("NoSuchPublicAccessBlockConfiguration") ->
                    new Account.Known(NONE, "the account (which has no account-level block)");
            default -> new Account.Unknown(exported);
        };
    }

    /** What is known of an account's block. */
    sealed interface Account {
        record Known(PublicAccessBlock block, String description) implements Account {
        }

        record Unknown(Exported why) implements Account {
        }
    }

    private static boolean on(JsonNode node, String camel) {
        JsonNode value = node.path(camel);
        if (value.isMissingNode()) {
            value = node.path(Character.toUpperCase(camel.charAt(0)) + camel.substring(1));
        }
        return value.isBoolean() ? value.booleanValue() : value.asText("").equalsIgnoreCase("true");
    }
}
