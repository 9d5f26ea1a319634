package dev.vigil.engine.baseline;

import java.util.Locale;

/**
 * The tool behind a user agent, without versions, so that upgrades do not look new: {@code aws-cli},
 * {@code boto3}, {@code aws-sdk-java}, {@code console}, {@code terraform}… A user agent naming no known tool
 * becomes its first product token (lower case, digits and dots stripped), e.g. {@code python-requests}.
 */
final class UserAgentFamily {

    /** Longest family name kept; longer first tokens are cut, so a hostile user agent stays small. */
    static final int MAX_LENGTH = 40;

    private static final java.util.regex.Pattern TRAILING = java.util.regex.Pattern.compile("(-v)?[-_]*$");

    private UserAgentFamily() {
    }

    static String of(String userAgent) {
        String ua = userAgent.strip().toLowerCase(Locale.ROOT);
        if (ua.isEmpty()) {
            return "none";
        }
        // order matters: Terraform's agent names the Go SDK, the CLI's names botocore, boto3's names botocore
        if (ua.contains("terraform")) {
            return "terraform";
        }
        if (ua.contains("pulumi")) {
            return "pulumi";
        }
        if (ua.startsWith("aws-cli/") || ua.contains(" aws-cli/")) {
            return "aws-cli";
        }
        if (ua.contains("boto3/")) {
            return "boto3";
        }
        if (ua.contains("botocore/")) {
            return "botocore";
        }
        if (ua.equals("aws internal") || ua.contains("console.amazonaws.com") || ua.startsWith("s3console/")
                || ua.contains("aws-internal/") || ua.equals("signin.amazonaws.com")) {
            return "console";
        }
        if (ua.startsWith("mozilla/")) {
            return "browser";
        }
        if (ua.contains("cloudformation")) {
            return "cloudformation";
        }
        int sdk = ua.indexOf("aws-sdk-");
        if (sdk >= 0) {
            return "aws-sdk-" + token(ua.substring(sdk + "aws-sdk-".length()));
        }
        String first = token(ua);
        return first.isEmpty() ? "other" : first;
    }

    /** The text up to the first '/', space or '(' with version-like characters dropped, at most MAX_LENGTH. */
    private static String token(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            if (c == '/' || c == ' ' || c == '(' || c == ';') {
                break;
            }
            if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
                b.append(c);
            } else if (c == '.' && text.endsWith(".amazonaws.com")) {
                b.append(c);
            }
        }
        // "go-v2" loses its digit above; drop the dangling "-v" and separators too
        return TRAILING.matcher(b).replaceAll("");
    }
}
