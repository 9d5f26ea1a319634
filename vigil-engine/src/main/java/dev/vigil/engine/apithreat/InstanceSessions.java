package dev.vigil.engine.apithreat;

/**
 * Recognises the session of an EC2 instance's role: CloudTrail writes such a caller's {@code userIdentity.principalId}
 * as {@code ROLEID:i-0123456789abcdef0}, the session name being the instance id (8 or 17 hexadecimal digits after
 * {@code i-}). Read by hand rather than by a regular expression: every assumed-role call with temporary keys is
 * checked, and the expression's search was a visible share of a CloudTrail scan.
 */
final class InstanceSessions {

    private InstanceSessions() {
    }

    /**
     * The instance id ({@code i-…}) a principal id ends with after a colon, or null: the same answer as finding
     * {@code :(i-[0-9a-fA-F]{8}(?:[0-9a-fA-F]{9})?)$}.
     */
    static String instanceId(String principalId) {
        if (principalId == null) {
            return null;
        }
        int n = principalId.length();
        for (int digits : new int[]{17, 8}) {
            int colon = n - digits - 3;
            if (colon >= 0 && principalId.charAt(colon) == ':' && principalId.charAt(colon + 1) == 'i'
                    && principalId.charAt(colon + 2) == '-' && hex(principalId, colon + 3, n)) {
                return principalId.substring(colon + 1);
            }
        }
        return null;
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
