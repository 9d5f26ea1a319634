package dev.vigil.sim;

/**
 * A record's {@code userIdentity}, one variant per shape CloudTrail writes. {@link TrailRecordWriter} turns
 * each into JSON.
 */
sealed interface Identity {

    /**
     * Temporary-credential session facts ({@code sessionContext.attributes}).
     *
     * @param creationMillis when the session's credentials were issued
     * @param mfa            whether the session was MFA-authenticated (written as the string "true"/"false")
     */
    record Session(long creationMillis, boolean mfa) {
    }

    /** An IAM user; {@code session} is non-null for console sessions (temporary ASIA key). */
    record IamUser(String principalId, String arn, String accountId, String accessKeyId, String userName,
                   Session session) implements Identity {
    }

    /** A failed console sign-in: an IAM user without ARN (the user name may be hidden). */
    record FailedSignIn(String principalId, String accountId, String userName) implements Identity {
    }

    /** An assumed-role session; {@code invokedBy} is set when an AWS service acts through the role. */
    record AssumedRole(String roleId, String roleArn, String roleName, String sessionName, String accountId,
                       String accessKeyId, Session session, String invokedBy) implements Identity {
        String arn() {
            return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
        }
    }

    /** The account root user; {@code accessKeyId} empty for sign-in, a session for console calls. */
    record Root(String accountId, String accessKeyId, Session session) implements Identity {
    }

    /** An AWS service acting on its own, e.g. Lambda assuming a function's role. */
    record AwsService(String invokedBy) implements Identity {
    }

    /** AWS itself, for service events such as automatic key rotation: no type, only account and invokedBy. */
    record AwsInternal(String accountId) implements Identity {
    }

    /** An OIDC federated caller of {@code AssumeRoleWithWebIdentity}. */
    record WebIdentity(String principalId, String userName, String identityProvider) implements Identity {
    }
}
