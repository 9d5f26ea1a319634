package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Workload;

import static dev.vigil.sim.Api.*;
import static dev.vigil.sim.Json.empty;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * An SRE's approved Terraform run: it opens the database port of a security group to the private VPC range
 * and attaches a managed policy to a Lambda role. Change monitors rightly alert on it; the label says it is
 * benign, which lets tests measure expected false positives.
 */
final class ApprovedChangeScenario implements ScenarioScript {

    static final String ID = "approved-change";
    static final String PRIVATE_CIDR = "10.40.0.0/16";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.45;
    }

    @Override
    public long maxDurationMillis() {
        return 5 * 60_000L;
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Principal sre = kit.estate.cast().sre();
        Principal role = kit.estate.cast().changedRole();
        Workload workload = kit.estate.cast().changedWorkload();
        Account account = sre.account();
        String ip = sre.behaviour().sourceIps().get(0);
        String agent = UserAgents.TERRAFORM;
        String region = workload.region();
        String groupId = "sg-" + Payloads.stableHex(workload.name() + account.id() + "db", 17);
        String policyArn = "arn:aws:iam::" + account.id() + ":policy/" + workload.name() + "-dynamodb-read";
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step("terraform-plan", "Terraform reads the current state of the security group and the role.");
        rec.step("modify-security-group", "Ingress on port 5432 is allowed from the private range " + PRIVATE_CIDR + ".");
        rec.step("attach-role-policy", "A customer managed read policy is attached to the " + role.name() + " role.");
        rec.step("terraform-refresh", "Terraform reads back what it changed.");

        long t = start;
        Identity session = kit.sessions.role(sre, t, false);
        rec.principal(((Identity.AssumedRole) session).arn());
        for (Api api : new Api[] {GET_CALLER_IDENTITY, DESCRIBE_SECURITY_GROUPS, DESCRIBE_SECURITY_GROUP_RULES,
                GET_ROLE, LIST_ATTACHED_ROLE_POLICIES, GET_POLICY}) {
            rec.add("terraform-plan", kit.call(api, t, session, ip, agent,
                    kit.target(account, region, workload, null, null, t)).build());
            t += kit.gap(1, 3);
        }
        t += kit.gap(30, 60);
        String description = workload.name() + " lambdas to database";
        var permission = obj("ipProtocol", "tcp", "fromPort", 5432, "toPort", 5432, "groups", empty(),
                "ipRanges", obj("items", list(obj("cidrIp", PRIVATE_CIDR, "description", description))),
                "ipv6Ranges", empty(), "prefixListIds", empty());
        var rule = obj("groupOwnerId", account.id(), "groupId", groupId, "securityGroupRuleId",
                "sgr-" + kit.ids().hex(17), "isEgress", false, "ipProtocol", "tcp", "fromPort", 5432, "toPort", 5432,
                "cidrIpv4", PRIVATE_CIDR, "description", description);
        TrailRecord.Builder ingress = kit.change(AUTHORIZE_SECURITY_GROUP_INGRESS, t, session, account.id(), region,
                ip, agent, obj("groupId", groupId, "ipPermissions", obj("items", list(permission))),
                obj("requestId", kit.ids().uuid(), "_return", true, "securityGroupRuleSet", obj("items", list(rule))));
        rec.add("modify-security-group", ingress.build());
        t += kit.gap(2, 6);
        rec.add("attach-role-policy", kit.change(ATTACH_ROLE_POLICY, t, session, account.id(), Estate.HOME_REGION, ip,
                agent, obj("roleName", role.name(), "policyArn", policyArn), null).build());
        t += kit.gap(3, 8);
        for (Api api : new Api[] {DESCRIBE_SECURITY_GROUP_RULES, LIST_ATTACHED_ROLE_POLICIES}) {
            rec.add("terraform-refresh", kit.call(api, t, session, ip, agent,
                    kit.target(account, region, workload, null, null, t)).build());
            t += kit.gap(1, 3);
        }
        Scenario summary = rec.summary("Approved Terraform change (benign)",
                "SRE session " + sre.sessionName() + " applies a reviewed Terraform change from the office: a "
                        + "security group rule to " + PRIVATE_CIDR + " and a policy attachment to " + role.name()
                        + ". Change monitors for security groups and IAM policies should alert; the activity is "
                        + "expected, so a finding here is a known false positive.", false, account.id());
        return new Planned(summary, rec.records());
    }
}
