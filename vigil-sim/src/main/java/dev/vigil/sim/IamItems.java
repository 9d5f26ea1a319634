package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Change;
import dev.vigil.sim.PostureOrg.User;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * IAM users and roles as Config records them: region {@code global}, resource id the unique id, and every policy
 * document URL-encoded JSON, as IAM returns it and Config keeps it.
 */
final class IamItems {

    private final PostureOrg org;

    IamItems(PostureOrg org) {
        this.org = org;
    }

    /** IAM writes policy documents URL-encoded, and Config keeps them that way. */
    static String urlEncoded(Obj document) {
        return URLEncoder.encode(TreeJson.string(document), StandardCharsets.UTF_8).replace("+", "%20");
    }

    ConfigItem user(User u) {
        List<Obj> attached = new ArrayList<>();
        for (String p : u.managedPolicies()) {
            attached.add(obj("policyName", p, "policyArn", "arn:aws:iam::aws:policy/" + p));
        }
        return ConfigItem.of("AWS::IAM::User", u.id(), u.name(), u.arn(), u.account().id(), "global", "Not Applicable",
                u.createdMillis(), ConfigItem.captured(u.createdMillis()), Map.of(), List.of(),
                obj("path", "/", "userName", u.name(), "userId", u.id(), "arn", u.arn(),
                        "createDate", ConfigItem.time(u.createdMillis()), "userPolicyList", list(), "groupList", list(),
                        "attachedManagedPolicies", List.copyOf(attached), "permissionsBoundary", null, "tags", list()),
                empty());
    }

    List<ConfigItem> roles() {
        List<ConfigItem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Principal p : org.estate().principals()) {
            if (!p.kind().role() || p.arn() == null || !seen.add(p.arn())) {
                continue;
            }
            out.add(role(p, true));
        }
        return out;
    }

    /**
     * A role as Config captured it: after the period's change to it (the final state, captured a little after the
     * change), or before it (as created, captured when it was created).
     */
    ConfigItem role(Principal p, boolean afterChange) {
        String acct = p.account().id();
        Obj trust = switch (p.kind()) {
            case LAMBDA_ROLE -> service("lambda.amazonaws.com");
            case ECS_TASK_ROLE -> service("ecs-tasks.amazonaws.com");
            case CONFIG_ROLE -> service("config.amazonaws.com");
            case SSO_USER -> obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                    "Principal", obj("Federated", "arn:aws:iam::" + acct + ":saml-provider/AWSSSO_"
                            + Payloads.stableHex(acct, 16) + "_DO_NOT_DELETE"),
                    "Action", list("sts:AssumeRoleWithSAML", "sts:TagSession"),
                    "Condition", obj("StringEquals", obj("SAML:aud", "https://signin.aws.amazon.com/saml")))));
            default -> obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                    "Principal", obj("Federated", "arn:aws:iam::" + acct
                            + ":oidc-provider/token.actions.githubusercontent.com"),
                    "Action", "sts:AssumeRoleWithWebIdentity",
                    "Condition", obj("StringEquals", obj("token.actions.githubusercontent.com:aud", "sts.amazonaws.com"),
                            "StringLike", obj("token.actions.githubusercontent.com:sub",
                                    "repo:" + org.estate().domain().replace(".example", "") + "/*:ref:refs/heads/main")))));
        };
        String path = p.kind() == Principal.Kind.CONFIG_ROLE ? "/aws-service-role/config.amazonaws.com/"
                : p.kind() == Principal.Kind.SSO_USER ? "/aws-reserved/sso.amazonaws.com/" : "/";
        String managed = switch (p.kind()) {
            case LAMBDA_ROLE -> "service-role/AWSLambdaBasicExecutionRole";
            case ECS_TASK_ROLE -> "service-role/AmazonECSTaskExecutionRolePolicy";
            case CONFIG_ROLE -> "aws-service-role/AWSConfigServiceRolePolicy";
            case SSO_USER -> p.name().replaceFirst("^AWSReservedSSO_", "").replaceFirst("_[0-9a-f]{16}$", "");
            default -> "ReadOnlyAccess";
        };
        String managedName = managed.substring(managed.lastIndexOf('/') + 1);
        List<Obj> inline = new ArrayList<>();
        if (p.behaviour().workload() != null) {
            var w = p.behaviour().workload();
            inline.add(obj("policyName", w.name() + "-data", "policyDocument", urlEncoded(obj("Version", "2012-10-17",
                    "Statement", list(obj("Effect", "Allow", "Action", list("s3:GetObject", "s3:PutObject"),
                                    "Resource", w.bucket().arn() + "/" + w.objectPrefix() + "/*"),
                            obj("Effect", "Allow", "Action", list("kms:Decrypt", "kms:GenerateDataKey"),
                                    "Resource", w.kmsKeyArn()))))));
        }
        long created = org.startMillis() - 400 * 86_400_000L - (p.index() % 97) * 86_400_000L;
        List<Obj> attached = new ArrayList<>(List.of(obj("policyName", managedName,
                "policyArn", "arn:aws:iam::aws:policy/" + managed)));
        Change change = afterChange ? org.lastChange(p.principalId()) : null;
        if (change != null && change.attachedPolicy() != null) {
            String policy = change.attachedPolicy();
            attached.add(obj("policyName", policy, "policyArn", "arn:aws:iam::" + acct + ":policy/" + policy));
        }
        return ConfigItem.of("AWS::IAM::Role", p.principalId(), p.name(), p.arn(), acct, "global", "Not Applicable", created,
                change != null ? change.timeMillis() : ConfigItem.captured(created), Map.of(), List.of(),
                obj("path", path, "roleName", p.name(), "roleId", p.principalId(), "arn", p.arn(),
                        "createDate", ConfigItem.time(created), "assumeRolePolicyDocument", urlEncoded(trust),
                        "instanceProfileList", list(), "rolePolicyList", List.copyOf(inline),
                        "attachedManagedPolicies", List.copyOf(attached),
                        "permissionsBoundary", null, "tags", list(), "roleLastUsed", null), empty());
    }

    private static Obj service(String principal) {
        return obj("Version", "2012-10-17", "Statement", list(obj("Effect", "Allow",
                "Principal", obj("Service", principal), "Action", "sts:AssumeRole")));
    }
}
