package dev.vigil.sim;

import java.util.List;

/**
 * The simulated AWS organisation: accounts, regions, resources and the principals that act in it. Built once
 * from the seed by {@link EstateFactory}; immutable afterwards.
 *
 * @param orgId          organisation id, {@code o-} and 10 lower-case alphanumerics
 * @param name           organisation's display name
 * @param domain         e-mail domain of its people (under the reserved {@code .example} TLD)
 * @param accounts       member accounts, management first
 * @param regions        enabled regions, the home region first
 * @param corporateIps   the office egress addresses (198.51.100.0/24) people work from
 * @param principals     everyone and everything that calls AWS, in a fixed order ({@link Principal#index()})
 * @param workloads      Lambda functions and ECS services
 * @param buckets        S3 buckets
 * @param trails         CloudTrail trails
 * @param cast           the principals and resources the attack scenarios use
 */
record Estate(String orgId, String name, String domain, List<Account> accounts, List<String> regions,
              List<String> corporateIps, List<Principal> principals, List<Workload> workloads,
              List<Bucket> buckets, List<Trail> trails, Cast cast) {

    /** Global services (IAM, STS global endpoint, sign-in, Organizations) are recorded here. */
    static final String HOME_REGION = "us-east-1";

    Estate {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        corporateIps = List.copyOf(corporateIps);
        principals = List.copyOf(principals);
        workloads = List.copyOf(workloads);
        buckets = List.copyOf(buckets);
        trails = List.copyOf(trails);
    }

    Account account(String role) {
        return accounts.stream().filter(a -> a.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalStateException("estate has no " + role + " account"));
    }

    List<Workload> workloadsIn(Account account) {
        return workloads.stream().filter(w -> w.account().equals(account)).toList();
    }

    List<Bucket> bucketsIn(Account account) {
        return buckets.stream().filter(b -> b.account().equals(account)).toList();
    }

    /**
     * One AWS account of the organisation.
     *
     * @param role management, log-archive, security, prod, staging or dev
     */
    record Account(String id, String name, String role, String email) {
    }

    /** An S3 bucket; {@code sensitive} marks the customer-data bucket that the exfiltration targets. */
    record Bucket(String name, Account account, String region, boolean sensitive) {
        String arn() {
            return "arn:aws:s3:::" + name;
        }
    }

    /** A CloudTrail trail; the organisation trail writes the logs the simulator produces. */
    record Trail(String name, Account account, String region, boolean organization, String bucket) {
        String arn() {
            return "arn:aws:cloudtrail:" + region + ":" + account.id() + ":trail/" + name;
        }
    }

    /** What a Lambda function or ECS service is. */
    enum WorkloadKind { LAMBDA, ECS }

    /**
     * A Lambda function or ECS service with the resources it touches.
     *
     * @param objectPrefix key prefix it reads and writes in its bucket
     * @param parameter    SSM parameter name it reads at start-up
     * @param secret       Secrets Manager secret id
     * @param kmsKeyId     id of the customer managed key that protects its data
     * @param cluster      ECS cluster (ECS services only, else empty)
     */
    record Workload(String name, WorkloadKind kind, Account account, String region, Bucket bucket,
                    String objectPrefix, String table, String parameter, String secret, String kmsKeyId,
                    String cluster, String repository) {
        String logGroup() {
            return kind == WorkloadKind.LAMBDA ? "/aws/lambda/" + name : "/ecs/" + name;
        }

        String kmsKeyArn() {
            return "arn:aws:kms:" + region + ":" + account.id() + ":key/" + kmsKeyId;
        }
    }

    /**
     * The actors and targets of the injected scenarios.
     *
     * @param leakedKeyUser    IAM user whose long-term key leaks (benign use from the office only)
     * @param bruteForceTarget dormant IAM user with a console password and no MFA
     * @param root             root user of the management account
     * @param sre              SSO user whose approved Terraform change is labelled benign
     * @param sensitiveBucket  bucket the attacker exfiltrates from
     * @param accountTrail     the prod account's own trail, which the attacker stops
     * @param changedRole      Lambda role the approved change attaches a policy to
     * @param changedWorkload  workload whose database security group the approved change opens to a private range
     */
    record Cast(Principal leakedKeyUser, Principal bruteForceTarget, Principal root, Principal sre,
                Bucket sensitiveBucket, Trail accountTrail, Principal changedRole, Workload changedWorkload) {
    }
}
