package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Workload;

import java.util.List;

/**
 * Someone or something that calls AWS in the simulated estate, with how it behaves.
 *
 * @param index       position in {@link Estate#principals()}; per-principal state is kept in arrays by it
 * @param kind        what it is, which decides how its {@code userIdentity} looks
 * @param account     account it lives in
 * @param name        IAM user name, role name, or the AWS service's host name
 * @param arn         IAM ARN of the user, role or root; the OIDC provider's ARN for web-identity federation;
 *                    null for AWS services
 * @param principalId unique id ({@code AIDA…}, {@code AROA…}, the account id for root); null for services
 * @param sessionName fixed role session name (SSO e-mail, function name…), or the token subject for
 *                    web-identity federation; null when each session gets a fresh one (ECS task ids)
 * @param accessKeyId long-term access key of an IAM user; null otherwise
 * @param mfa         whether the user has an MFA device
 * @param invokedBy   service that acts through this role ({@code config.amazonaws.com}); null otherwise
 * @param behaviour   how often, from where and what it calls
 */
record Principal(int index, Kind kind, Account account, String name, String arn, String principalId,
                 String sessionName, String accessKeyId, boolean mfa, String invokedBy, Behaviour behaviour) {

    /** The kinds of principal and the {@code userIdentity.type} each records as. */
    enum Kind {
        IAM_USER("iam-user", "IAMUser", 0),
        SSO_USER("sso-user", "AssumedRole", 8 * 3_600_000L),
        LAMBDA_ROLE("lambda-role", "AssumedRole", 2 * 3_600_000L),
        ECS_TASK_ROLE("ecs-task-role", "AssumedRole", 3 * 3_600_000L),
        CI_ROLE("ci-role", "AssumedRole", 3_600_000L),
        CONFIG_ROLE("service-linked-role", "AssumedRole", 3_600_000L),
        AWS_SERVICE("aws-service", "AWSService", 0),
        WEB_IDENTITY("web-identity", "WebIdentityUser", 0),
        AWS_INTERNAL("aws-internal", "", 0),
        ROOT("root", "Root", 0);

        final String label;
        final String identityType;
        /** How long one role session lasts before a new one (new key, maybe new name) starts. */
        final long sessionMillis;

        Kind(String label, String identityType, long sessionMillis) {
            this.label = label;
            this.identityType = identityType;
            this.sessionMillis = sessionMillis;
        }

        boolean role() {
            return identityType.equals("AssumedRole");
        }

        boolean human() {
            return this == IAM_USER || this == SSO_USER || this == ROOT;
        }
    }

    String accountId() {
        return account.id();
    }

    /** The role ARN without its path, as it appears inside an {@code assumed-role} ARN. */
    String assumedRoleArn(String session) {
        return "arn:aws:sts::" + account.id() + ":assumed-role/" + name + "/" + session;
    }

    /**
     * How a principal behaves in benign traffic.
     *
     * @param weight       relative share of the benign events; 0 for principals only scenarios use
     * @param workHours    mostly active 08:00-18:00 UTC (people, pipelines) rather than all day
     * @param regions      regions it works in, preferred first
     * @param sourceIps    addresses its calls come from
     * @param cliAgents    user agents of its SDK or CLI calls
     * @param browserAgent browser user agent for console sessions; null when it never uses the console
     * @param consoleShare fraction of its calls made from the console
     * @param repertoire   the APIs it calls and how often
     * @param workload     the function or service it runs as; null for people and pipelines
     * @param targets      roles it assumes (AWS services, web-identity federation); empty otherwise
     */
    record Behaviour(double weight, boolean workHours, List<String> regions, List<String> sourceIps,
                     List<String> cliAgents, String browserAgent, double consoleShare, Repertoire repertoire,
                     Workload workload, List<Principal> targets) {
        Behaviour {
            regions = List.copyOf(regions);
            sourceIps = List.copyOf(sourceIps);
            cliAgents = List.copyOf(cliAgents);
            targets = List.copyOf(targets);
        }

        static Behaviour none(List<String> regions) {
            return new Behaviour(0, false, regions, List.of(), List.of(), null, 0, Repertoire.EMPTY, null, List.of());
        }
    }
}
