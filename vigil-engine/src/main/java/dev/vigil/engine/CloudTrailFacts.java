package dev.vigil.engine;

import dev.vigil.model.Event;

/**
 * Key facts of a CloudTrail record.
 * <ul>
 *   <li>account: {@code recipientAccountId}, else {@code userIdentity.accountId};</li>
 *   <li>region: {@code awsRegion};</li>
 *   <li>principal by {@code userIdentity.type}: {@code Root}, {@code IAMUser} and {@code AssumedRole} → the
 *   {@code userIdentity.arn} (for an assumed role that is the session ARN, session name included);
 *   {@code AWSService} → {@code userIdentity.invokedBy}; any other type → {@code userIdentity.principalId}, else the
 *   ARN. When the preferred field is empty the next available of arn, principalId and userName is used.</li>
 * </ul>
 */
public final class CloudTrailFacts implements FactExtractor {

    /** Vigil's log-source name for CloudTrail records. */
    public static final String LOG_SOURCE = "aws:cloudtrail";

    public static final CloudTrailFacts INSTANCE = new CloudTrailFacts();

    private CloudTrailFacts() {
    }

    @Override
    public String account(Event event) {
        String recipient = FieldText.scalar(event, "recipientAccountId");
        return recipient.isEmpty() ? FieldText.scalar(event, "userIdentity.accountId") : recipient;
    }

    @Override
    public String region(Event event) {
        return FieldText.scalar(event, "awsRegion");
    }

    @Override
    public String principal(Event event) {
        String preferred = switch (FieldText.scalar(event, "userIdentity.type")) {
            case "Root", "IAMUser", "AssumedRole" -> ARN;
            case "AWSService" -> "userIdentity.invokedBy";
            default -> PRINCIPAL_ID;
        };
        // fallbacks are looked up only when needed: most records have the preferred field
        String value = FieldText.scalar(event, preferred);
        if (value.isEmpty() && !preferred.equals(ARN)) {
            value = FieldText.scalar(event, ARN);
        }
        if (value.isEmpty() && !preferred.equals(PRINCIPAL_ID)) {
            value = FieldText.scalar(event, PRINCIPAL_ID);
        }
        return value.isEmpty() ? FieldText.scalar(event, "userIdentity.userName") : value;
    }

    private static final String ARN = "userIdentity.arn";
    private static final String PRINCIPAL_ID = "userIdentity.principalId";
}
