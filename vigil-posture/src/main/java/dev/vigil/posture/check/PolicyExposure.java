package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.inventory.PolicyDocuments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads resource policies (bucket policies, key policies) for the one question several checks share: does a
 * statement grant access to anyone at all? A statement is public when it allows a wildcard principal (or uses
 * {@code NotPrincipal}) and no condition ties the caller to known accounts, an organisation, a network or a
 * calling resource.
 *
 * <p>The judgement is deliberately conservative in one direction only: a condition counts as restricting only when
 * its operator is positive ({@code StringEquals}, {@code ArnLike}, {@code IpAddress}…, not the {@code Not…} or
 * {@code …IfExists} forms, which let callers without the key through) and every one of its values pins something:
 * <ul>
 *   <li>with a wildcard operator ({@code StringLike}, {@code ArnLike}, {@code ArnEquals}) the part of the value that
 *       names an owner must be free of {@code *} and {@code ?}: the account of an ARN, the organisation of an org
 *       path, the unique id before {@code :} of a user id, the whole of an account, org, VPC or endpoint id. With
 *       {@code StringLike} a wildcard anywhere up to an ARN's account also opens it, because there {@code *} crosses
 *       colons ({@code arn:aws:*:*:111111111111:*} matches resources of other accounts); {@code ArnLike} compares
 *       the six ARN fields one by one, so only the account field matters;</li>
 *   <li>a network ({@code aws:SourceIp}) must be a CIDR whose prefix is longer than 0, however the address is
 *       written ({@code 1.2.3.4/0} and {@code 0::/0} are the whole internet).</li>
 * </ul>
 */
public final class PolicyExposure {

    /** Condition keys whose positive match pins the caller or the calling resource to something the owner knows. */
    private static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
            "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "kms:calleraccount");

    /** Keys whose values are ARNs: their owning account is the ARN's fifth field. */
    private static final Set<String> ARN_KEYS = Set.of("aws:sourcearn", "aws:principalarn");

    /** Keys whose values are organisation paths ({@code o-id/r-root/ou-…}): the organisation comes first. */
    private static final Set<String> ORG_PATH_KEYS = Set.of("aws:sourceorgpaths", "aws:principalorgpaths");

    private PolicyExposure() {
    }

    /**
     * One statement that grants access to anyone.
     *
     * @param sid     the statement's Sid, or {@code #n} (1-based position) when it has none
     * @param actions the actions it allows ({@code NotAction} entries prefixed with {@code not })
     */
    public record PublicGrant(String sid, List<String> actions) {
        public PublicGrant {
            actions = List.copyOf(actions);
        }

        /** "statement 'AllowAll' allows s3:GetObject" — for reason sentences. */
        public String describe() {
            String what = actions.isEmpty() ? "access" : String.join(", ", actions.stream().limit(3).toList())
                    + (actions.size() > 3 ? " and more" : "");
            return "statement '" + Verdicts.clip(sid) + "' allows " + Verdicts.clip(what) + " to any principal";
        }
    }

    /** The statements of a parsed policy document that grant access to anyone without a restricting condition. */
    public static List<PublicGrant> publicGrants(JsonNode document) {
        List<PublicGrant> out = new ArrayList<>();
        List<JsonNode> statements = PolicyDocuments.statements(document);
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            if (!isEffect(s, "Allow")) {
                continue;
            }
            // Allow with NotPrincipal grants everyone except the listed principals: public for our purpose.
            boolean open = isPublicPrincipal(s.path("Principal")) || s.has("NotPrincipal");
            if (open && !hasRestrictingCondition(s.path("Condition"))) {
                out.add(new PublicGrant(sid(s, i), actions(s)));
            }
        }
        return out;
    }

    /**
     * True for {@code "*"}, {@code {"AWS":"*"}}, or an AWS principal list containing {@code "*"} or an IAM ARN with a
     * wildcard account.
     */
    public static boolean isPublicPrincipal(JsonNode principal) {
        if (principal == null) {
            return false;
        }
        if (principal.isTextual()) {
            return principal.asText().strip().equals("*");
        }
        if (principal.isObject()) {
            for (Map.Entry<String, JsonNode> e : principal.properties()) {
                if (e.getKey().equalsIgnoreCase("AWS")
                        && PolicyDocuments.strings(e.getValue()).stream().anyMatch(PolicyExposure::anyAccount)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code *}, or an IAM ARN whose account is a wildcard ({@code arn:aws:iam::*:root}). */
    private static boolean anyAccount(String principal) {
        String p = principal.strip();
        if (p.equals("*")) {
            return true;
        }
        String[] parts = p.split(":", -1);
        return parts.length > 5 && parts[0].equals("arn") && parts[2].equals("iam") && parts[4].equals("*");
    }

    /**
     * True when the statement's {@code Condition} block holds at least one positive condition on a caller- or
     * source-identifying key with concrete values (e.g. {@code StringEquals aws:PrincipalOrgID o-abc}).
     */
    public static boolean hasRestrictingCondition(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> op : condition.properties()) {
            if (!isPositiveOperator(op.getKey()) || !op.getValue().isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                String name = key.getKey().toLowerCase(Locale.ROOT);
                if (RESTRICTING_KEYS.contains(name) && concreteValues(op.getKey(), name, key.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IAM action matching: case-insensitive, {@code *} any run of characters, {@code ?} one character. */
    public static boolean actionMatches(String pattern, String action) {
        return glob(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    }

    /** IAM resource (ARN) matching: case-sensitive, with {@code *} and {@code ?} wildcards. */
    public static boolean resourceMatches(String pattern, String arn) {
        return glob(pattern, arn);
    }

    /** A statement's Effect compared without regard to case ("Allow", "Deny"). */
    public static boolean isEffect(JsonNode statement, String effect) {
        return statement.path("Effect").asText("").strip().equalsIgnoreCase(effect);
    }

    /** The condition values of one key, whether written as a string, a boolean, a number or a list. */
    public static List<String> conditionValues(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> { if (v.isValueNode()) out.add(v.asText()); });
        } else if (value.isValueNode() && !value.isNull()) {
            out.add(value.asText());
        }
        return out;
    }

    private static boolean isPositiveOperator(String operator) {
        String op = operator.toLowerCase(Locale.ROOT);
        if (op.endsWith("ifexists") || op.equals("null") || op.startsWith("forallvalues:")) {
            return false;
        }
        String base = op.startsWith("foranyvalue:") ? op.substring("foranyvalue:".length()) : op;
        return !base.contains("not");
    }

    /** True when every value of the key pins a caller or source (values of one key are alternatives). */
    private static boolean concreteValues(String operator, String key, JsonNode value) {
        List<String> values = conditionValues(value);
        if (values.isEmpty()) {
            return false;
        }
        String op = operator.toLowerCase(Locale.ROOT);
        boolean arnPattern = op.contains("arnlike") || op.contains("arnequals");
        boolean pattern = arnPattern || op.contains("stringlike");
        for (String v : values) {
            String t = v.strip();
            if (t.isEmpty() || !hasLiteral(t)) {
                return false;
            }
            if (key.equals("aws:sourceip") && !pattern && !isNarrowNetwork(t)) {
                return false;
            }
            if (pattern && hasWildcard(ownerPart(key, t, arnPattern))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The part of a condition value that names who owns the caller or source: what must not be a wildcard for a
     * pattern to restrict. The whole value when its shape is not recognised, so that a stray wildcard opens it.
     */
    private static String ownerPart(String key, String value, boolean arnFieldWise) {
        if (ARN_KEYS.contains(key)) {
            String[] fields = value.split(":", 6);
            if (fields.length < 6) {
                return value;
            }
            // S3 ARNs carry no account; the bucket name (global, first come first served) is the owner then.
            String owner = fields[4].isEmpty() ? fields[5].split("/", 2)[0] : fields[4];
            return arnFieldWise ? owner : String.join(":", fields[0], fields[1], fields[2], fields[3], owner);
        }
        if (ORG_PATH_KEYS.contains(key)) {
            return value.split("/", 2)[0];
        }
        if (key.equals("aws:userid")) {
            return value.split(":", 2)[0];
        }
        return value;
    }

    private static boolean hasWildcard(String text) {
        return text.isEmpty() || text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static boolean hasLiteral(String text) {
        return !text.replace("*", "").replace("?", "").isEmpty();
    }

    /**
     * True for an address or CIDR with a prefix longer than 0. A prefix of 0 is the whole internet whatever address
     * precedes it ({@code 1.2.3.4/0}, {@code 0::/0}); text that is not an address is not a network restriction.
     */
    static boolean isNarrowNetwork(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        boolean v6 = address.contains(":");
        if (!(v6 ? address.matches("[0-9A-Fa-f:.]+") : address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"))) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = cidr.substring(slash + 1).strip();
        if (!prefix.matches("[0-9]{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        return bits > 0 && bits <= (v6 ? 128 : 32);
    }

    private static String sid(JsonNode statement, int index) {
        String sid = statement.path("Sid").asText("");
        return sid.isBlank() ? "#" + (index + 1) : sid;
    }

    private static List<String> actions(JsonNode statement) {
        List<String> out = new ArrayList<>(PolicyDocuments.strings(statement.path("Action")));
        PolicyDocuments.strings(statement.path("NotAction")).forEach(a -> out.add("not " + a));
        return out;
    }

    /** Iterative wildcard match, linear in practice, so hostile patterns cannot blow up the stack or the clock. */
    private static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
