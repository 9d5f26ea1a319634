package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Estate.Bucket;
import dev.vigil.sim.Estate.Trail;
import dev.vigil.sim.Estate.Workload;
import dev.vigil.sim.Estate.WorkloadKind;
import dev.vigil.sim.Principal.Behaviour;
import dev.vigil.sim.Principal.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.vigil.sim.Api.*;

/**
 * Builds the simulated organisation from a seed: which accounts and regions exist, their workloads and
 * buckets, and every principal with its behaviour. Names are invented and all addresses come from the
 * documentation ranges (RFC 5737), so nothing real is named.
 */
final class EstateFactory {

    private static final List<String> SLUGS =
            List.of("larkspur", "tidewater", "fernhill", "ambergate", "cobaltline", "harrowgate");
    private static final List<String> PEOPLE = List.of(
            "Priya Nair", "Tomas Ortega", "Mei Chen", "Jonas Berg", "Amara Okafor", "Lena Fischer", "Ravi Shah",
            "Sofia Marin", "Kwame Mensah", "Hannah Weiss", "Diego Salas", "Yuki Tanaka", "Olu Adeyemi", "Nora Lind");
    private static final List<String> THIRD_REGIONS = List.of("eu-central-1", "us-west-2", "ap-southeast-2");

    private final Ids ids;
    private final List<Principal> principals = new ArrayList<>();
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Bucket> buckets = new ArrayList<>();
    private final Set<String> usedIps = new HashSet<>();
    private final List<String> people;
    private int nextPerson;
    private String slug;
    private String domain;
    private List<String> regions;
    private List<String> corporateIps;

    private EstateFactory(long seed) {
        this.ids = new Ids(Ids.mix(seed, 0x45737461L));
        List<String> shuffled = new ArrayList<>(PEOPLE);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = ids.random().nextInt(i + 1);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        this.people = shuffled;
    }

    static Estate build(long seed) {
        return new EstateFactory(seed).build();
    }

    private Estate build() {
        slug = SLUGS.get(ids.random().nextInt(SLUGS.size()));
        domain = slug + ".example";
        String orgId = "o-" + ids.lowerAlnum(10);
        String name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1) + " Analytics";

        List<Account> accounts = accounts();
        regions = new ArrayList<>(List.of(Estate.HOME_REGION, "eu-west-1"));
        if (ids.random().nextDouble() < 0.7) {
            regions.add(THIRD_REGIONS.get(ids.random().nextInt(THIRD_REGIONS.size())));
        }
        corporateIps = new ArrayList<>();
        while (corporateIps.size() < 3) {
            String ip = "198.51.100." + (2 + ids.random().nextInt(250));
            if (usedIps.add(ip)) {
                corporateIps.add(ip);
            }
        }

        Account management = find(accounts, "management");
        Account logArchive = find(accounts, "log-archive");
        Account security = find(accounts, "security");
        Account prod = find(accounts, "prod");

        buckets.add(new Bucket(slug + "-billing-reports-" + management.id(), management, Estate.HOME_REGION, false));
        Bucket trailBucket = new Bucket(slug + "-org-cloudtrail-" + logArchive.id(), logArchive, Estate.HOME_REGION, false);
        buckets.add(trailBucket);
        Bucket accessLogs = new Bucket(slug + "-s3-access-logs-" + logArchive.id(), logArchive, Estate.HOME_REGION, false);
        buckets.add(accessLogs);
        Bucket findings = new Bucket(slug + "-security-findings-" + security.id(), security, Estate.HOME_REGION, false);
        buckets.add(findings);
        Bucket sensitive = new Bucket(slug + "-prod-customer-exports", prod, Estate.HOME_REGION, true);
        buckets.add(sensitive);

        workload("log-compactor", WorkloadKind.LAMBDA, logArchive, Estate.HOME_REGION, accessLogs, "raw");
        workload("findings-forwarder", WorkloadKind.LAMBDA, security, Estate.HOME_REGION, findings, "guardduty");
        for (Account a : accounts) {
            String env = a.role();
            if (!env.equals("prod") && !env.equals("staging") && !env.equals("dev")) {
                continue;
            }
            buckets.add(new Bucket(slug + "-" + env + "-terraform-state", a, Estate.HOME_REGION, false));
            workload("orders-api", WorkloadKind.LAMBDA, a, Estate.HOME_REGION, null, "orders");
            workload("checkout-service", WorkloadKind.ECS, a, Estate.HOME_REGION, null, "carts");
            if (env.equals("prod")) {
                workload("payments-webhook", WorkloadKind.LAMBDA, a, Estate.HOME_REGION, null, "webhooks");
                workload("nightly-report", WorkloadKind.LAMBDA, a, Estate.HOME_REGION, sensitive, "exports/customers");
                workload("image-thumbnailer", WorkloadKind.LAMBDA, a, "eu-west-1", null, "thumbnails");
                workload("inventory-service", WorkloadKind.ECS, a, "eu-west-1", null, "stock");
            } else if (env.equals("dev")) {
                workload("image-thumbnailer", WorkloadKind.LAMBDA, a, "eu-west-1", null, "thumbnails");
            }
        }

        for (Workload w : workloads) {
            workloadRole(w);
        }
        for (Account a : accounts) {
            configRole(a);
            List<Principal> lambdaRoles = rolesOf(a, Kind.LAMBDA_ROLE);
            if (!lambdaRoles.isEmpty()) {
                awsService(a, "lambda.amazonaws.com", lambdaRoles, 1.2);
            }
            List<Principal> taskRoles = rolesOf(a, Kind.ECS_TASK_ROLE);
            if (!taskRoles.isEmpty()) {
                awsService(a, "ecs-tasks.amazonaws.com", taskRoles, 0.8);
            }
            if (!workloadsIn(a).isEmpty()) {
                principals.add(new Principal(principals.size(), Kind.AWS_INTERNAL, a, "kms.amazonaws.com", null, null,
                        null, null, false, null,
                        new Behaviour(0.01, false, List.of(Estate.HOME_REGION), List.of("AWS Internal"),
                                List.of("AWS Internal"), null, 0, Repertoire.of(ROTATE_KEY, 1), null, List.of())));
            }
        }
        for (Account a : accounts) {
            if (a.role().equals("prod") || a.role().equals("staging") || a.role().equals("dev")) {
                pipelines(a);
            }
        }

        // people: SSO permission sets per account, then legacy IAM users
        String adminRole = ssoRoleName("AdministratorAccess");
        ssoPeople(management, adminRole, 2, Repertoire.of(DESCRIBE_ORGANIZATION, 2, LIST_ACCOUNTS, 3, LIST_ROLES, 1,
                GET_ROLE, 1, DESCRIBE_TRAILS, 1, GET_TRAIL_STATUS, 1, LIST_BUCKETS, 2, GET_METRIC_DATA, 2,
                CONSOLE_LOGIN, 0.15));
        int firstAnalyst = nextPerson;
        ssoPeople(security, ssoRoleName("SecurityAudit"), 2, Repertoire.of(GET_SECURITY_HUB_FINDINGS, 4,
                LIST_FINDINGS, 2, GET_GUARDDUTY_FINDINGS, 2, LIST_DETECTORS, 1, DESCRIBE_TRAILS, 1, GET_TRAIL_STATUS, 1,
                DESCRIBE_CONFIGURATION_RECORDER_STATUS, 1, LIST_BUCKETS, 1, CONSOLE_LOGIN, 0.15));
        Repertoire readOnly = Repertoire.of(DESCRIBE_INSTANCES, 3, DESCRIBE_SECURITY_GROUPS, 1, LIST_BUCKETS, 2,
                GET_BUCKET_LOCATION, 1, LIST_FUNCTIONS, 2, DESCRIBE_LOG_GROUPS, 2, GET_METRIC_DATA, 3,
                DESCRIBE_ALARMS, 2, CONSOLE_LOGIN, 0.15);
        int afterAnalysts = nextPerson;
        nextPerson = firstAnalyst; // the first analyst also reads the log archive
        ssoPeople(logArchive, ssoRoleName("ReadOnlyAccess"), 1, readOnly);
        nextPerson = afterAnalysts;
        Principal sre = null;
        Repertoire powerUser = Repertoire.of(DESCRIBE_SERVICES, 2, LIST_TASKS, 1, DESCRIBE_TASKS, 1, LIST_FUNCTIONS, 1,
                GET_FUNCTION, 1, DESCRIBE_LOG_GROUPS, 2, GET_METRIC_DATA, 2, GET_OBJECT, 1, LIST_BUCKETS, 1,
                DESCRIBE_TABLE, 1, PUT_OBJECT, 0.5, CONSOLE_LOGIN, 0.15);
        for (Account a : accounts) {
            switch (a.role()) {
                case "prod" -> {
                    ssoPeople(a, ssoRoleName("ReadOnlyAccess"), 3, readOnly);
                    List<Principal> sres = ssoPeople(a, ssoRoleName("PlatformEngineer"), 2, Repertoire.of(
                            DESCRIBE_INSTANCES, 2, DESCRIBE_SECURITY_GROUPS, 2, DESCRIBE_VPCS, 1, DESCRIBE_SERVICES, 2,
                            GET_METRIC_DATA, 2, DESCRIBE_ALARMS, 1, LIST_FUNCTIONS, 1, DESCRIBE_LOG_GROUPS, 1,
                            GET_CALLER_IDENTITY, 1, CONSOLE_LOGIN, 0.15));
                    sre = sres.get(0);
                }
                case "staging" -> ssoPeople(a, ssoRoleName("PowerUserAccess"), 2, powerUser);
                case "dev" -> ssoPeople(a, ssoRoleName("PowerUserAccess"), 3, powerUser);
                default -> {
                }
            }
        }
        Repertoire admin = Repertoire.of(LIST_USERS, 2, GET_USER, 1, LIST_ACCESS_KEYS, 1, LIST_ROLES, 1,
                DESCRIBE_TRAILS, 1, GET_TRAIL_STATUS, 1, LIST_BUCKETS, 2, GET_BUCKET_LOCATION, 1,
                GET_CALLER_IDENTITY, 1, CONSOLE_LOGIN, 0.2);
        Principal leakedKeyUser = iamUser(prod, admin, true, 1.5);
        iamUser(prod, admin, true, 1.5);
        Principal bruteForceTarget = new Principal(principals.size(), Kind.IAM_USER, management, "audit-contractor",
                "arn:aws:iam::" + management.id() + ":user/audit-contractor", ids.principalId(false), null, null,
                false, null, Behaviour.none(List.of(Estate.HOME_REGION)));
        principals.add(bruteForceTarget);
        Principal root = new Principal(principals.size(), Kind.ROOT, management, "root",
                "arn:aws:iam::" + management.id() + ":root", management.id(), null, null, true, null,
                Behaviour.none(List.of(Estate.HOME_REGION)));
        principals.add(root);

        List<Trail> trails = List.of(
                new Trail("organization-trail", management, Estate.HOME_REGION, true, trailBucket.name()),
                new Trail("prod-data-events", prod, Estate.HOME_REGION, false, accessLogs.name()));
        Workload changed = workloads.stream()
                .filter(w -> w.account().equals(prod) && w.name().equals("orders-api")).findFirst().orElseThrow();
        Principal changedRole = principals.stream().filter(p -> p.behaviour().workload() == changed).findFirst()
                .orElseThrow();
        Estate.Cast cast = new Estate.Cast(leakedKeyUser, bruteForceTarget, root, sre, sensitive, trails.get(1),
                changedRole, changed);
        return new Estate(orgId, name, domain, accounts, regions, corporateIps, principals, workloads, buckets, trails,
                cast);
    }

    private List<Account> accounts() {
        List<String> roles = new ArrayList<>(List.of("management", "log-archive", "security", "prod"));
        if (ids.random().nextBoolean()) {
            roles.add("staging");
        }
        roles.add("dev");
        Set<String> used = new HashSet<>();
        List<Account> accounts = new ArrayList<>();
        for (String role : roles) {
            String id;
            do {
                id = ids.digits(12);
            } while (!used.add(id));
            accounts.add(new Account(id, slug + "-" + role, role, "aws+" + role + "@" + domain));
        }
        return accounts;
    }

    private static Account find(List<Account> accounts, String role) {
        return accounts.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
    }

    private List<Workload> workloadsIn(Account a) {
        return workloads.stream().filter(w -> w.account().equals(a)).toList();
    }

    private void workload(String name, WorkloadKind kind, Account account, String region, Bucket bucket,
                          String prefix) {
        if (bucket == null) {
            bucket = new Bucket(slug + "-" + account.role() + "-" + name + "-data", account, region, false);
            buckets.add(bucket);
        }
        String env = account.role();
        workloads.add(new Workload(name, kind, account, region, bucket, prefix,
                env + "-" + name.replace("-service", "").replace("-api", "") + "-table",
                "/" + env + "/" + name + "/config", env + "/" + name + "/credentials", ids.uuid(),
                kind == WorkloadKind.ECS ? env + "-cluster" : "", env + "/" + name));
    }

    private void workloadRole(Workload w) {
        boolean lambda = w.kind() == WorkloadKind.LAMBDA;
        String roleName = w.name() + (lambda ? "-lambda-role" : "-task-role");
        String agent = switch (w.name()) {
            case "payments-webhook" -> UserAgents.LAMBDA_NODE;
            default -> lambda ? UserAgents.LAMBDA_PYTHON : UserAgents.ECS_JAVA;
        };
        Repertoire repertoire = switch (w.name()) {
            case "payments-webhook" -> Repertoire.of(GET_SECRET_VALUE, 4, DECRYPT, 4, PUT_OBJECT, 6, GET_OBJECT, 2,
                    CREATE_LOG_STREAM, 2);
            case "nightly-report" -> Repertoire.of(GET_OBJECT, 2, PUT_OBJECT, 10, DESCRIBE_TABLE, 2, GET_PARAMETER, 1,
                    GENERATE_DATA_KEY, 3, CREATE_LOG_STREAM, 1);
            case "log-compactor" -> Repertoire.of(GET_OBJECT, 8, PUT_OBJECT, 8, DECRYPT, 1, CREATE_LOG_STREAM, 1);
            case "findings-forwarder" -> Repertoire.of(GET_SECURITY_HUB_FINDINGS, 4, LIST_FINDINGS, 3,
                    GET_GUARDDUTY_FINDINGS, 3, PUT_OBJECT, 3, CREATE_LOG_STREAM, 1);
            default -> lambda
                    ? Repertoire.of(GET_OBJECT, 12, PUT_OBJECT, 8, GET_PARAMETER, 3, GET_SECRET_VALUE, 2, DECRYPT, 3,
                    DESCRIBE_TABLE, 1, CREATE_LOG_STREAM, 2)
                    : Repertoire.of(GET_OBJECT, 8, PUT_OBJECT, 8, GET_SECRET_VALUE, 2, GET_PARAMETER, 1, DECRYPT, 3,
                    GENERATE_DATA_KEY, 3, DESCRIBE_TABLE, 1);
        };
        double weight = (lambda ? 10 : 14) * (w.account().role().equals("prod") ? 1.0 : 0.4);
        List<String> ips = List.of(natIp(), natIp());
        Behaviour b = new Behaviour(weight, false, List.of(w.region()), ips, List.of(agent), null, 0, repertoire, w,
                List.of());
        principals.add(new Principal(principals.size(), lambda ? Kind.LAMBDA_ROLE : Kind.ECS_TASK_ROLE, w.account(),
                roleName, "arn:aws:iam::" + w.account().id() + ":role/" + roleName, ids.principalId(true),
                lambda ? w.name() : null, null, false, null, b));
    }

    private void configRole(Account a) {
        String name = "AWSServiceRoleForConfig";
        Repertoire r = Repertoire.of(DESCRIBE_INSTANCES, 3, DESCRIBE_SECURITY_GROUPS, 3, DESCRIBE_VPCS, 2,
                DESCRIBE_SUBNETS, 2, DESCRIBE_NETWORK_INTERFACES, 2, DESCRIBE_VOLUMES, 2, GET_BUCKET_ENCRYPTION, 1,
                GET_BUCKET_VERSIONING, 1, GET_ROLE, 1, LIST_ATTACHED_ROLE_POLICIES, 1);
        Behaviour b = new Behaviour(3, false, regions, List.of("config.amazonaws.com"),
                List.of("config.amazonaws.com"), null, 0, r, null, List.of());
        principals.add(new Principal(principals.size(), Kind.CONFIG_ROLE, a, name,
                "arn:aws:iam::" + a.id() + ":role/aws-service-role/config.amazonaws.com/" + name,
                ids.principalId(true), "AWSConfig-Describe", null, false, "config.amazonaws.com", b));
    }

    private void awsService(Account a, String service, List<Principal> targets, double weight) {
        Behaviour b = new Behaviour(weight, false, List.of(Estate.HOME_REGION), List.of(service), List.of(service),
                null, 0, Repertoire.of(ASSUME_ROLE, 1), null, targets);
        principals.add(new Principal(principals.size(), Kind.AWS_SERVICE, a, service, null, null, null, null, false,
                service, b));
    }

    private void pipelines(Account a) {
        List<String> runnerIps = List.of(natIp(), natIp(), natIp());
        double scale = a.role().equals("prod") ? 1.0 : 0.6;
        Principal deploy = role(a, Kind.CI_ROLE, "github-actions-deploy", "GitHubActions",
                new Behaviour(2 * scale, true, List.of(Estate.HOME_REGION), runnerIps, List.of(UserAgents.CI_CLI),
                        null, 0, Repertoire.of(GET_CALLER_IDENTITY, 2, GET_AUTHORIZATION_TOKEN, 3, BATCH_GET_IMAGE, 2,
                        PUT_IMAGE, 2, DESCRIBE_TASK_DEFINITION, 2, REGISTER_TASK_DEFINITION, 1, UPDATE_SERVICE, 1,
                        DESCRIBE_SERVICES, 4, GET_FUNCTION, 1), null, List.of()));
        Principal terraform = role(a, Kind.CI_ROLE, "terraform-plan", "GitHubActions",
                new Behaviour(1.5 * scale, true, List.of(Estate.HOME_REGION), runnerIps, List.of(UserAgents.TERRAFORM),
                        null, 0, Repertoire.of(GET_CALLER_IDENTITY, 1, GET_OBJECT, 2, PUT_OBJECT, 1, DESCRIBE_VPCS, 2,
                        DESCRIBE_SUBNETS, 2, DESCRIBE_SECURITY_GROUPS, 3, GET_ROLE, 2, LIST_ATTACHED_ROLE_POLICIES, 2,
                        DESCRIBE_TABLE, 1, GET_FUNCTION, 1, GET_BUCKET_POLICY, 1), null, List.of()));
        String provider = "arn:aws:iam::" + a.id() + ":oidc-provider/token.actions.githubusercontent.com";
        Behaviour federation = new Behaviour(0.4 * scale, true, List.of(Estate.HOME_REGION), runnerIps,
                List.of("aws-sdk-js/2.1686.0 promise"), null, 0, Repertoire.of(ASSUME_ROLE_WITH_WEB_IDENTITY, 1),
                null, List.of(deploy, terraform));
        principals.add(new Principal(principals.size(), Kind.WEB_IDENTITY, a, "token.actions.githubusercontent.com",
                provider, null, "repo:" + slug + "/platform:ref:refs/heads/main", null, false, null, federation));
    }

    private Principal role(Account a, Kind kind, String name, String session, Behaviour b) {
        Principal p = new Principal(principals.size(), kind, a, name, "arn:aws:iam::" + a.id() + ":role/" + name,
                ids.principalId(true), session, null, false, null, b);
        principals.add(p);
        return p;
    }

    private String ssoRoleName(String permissionSet) {
        return "AWSReservedSSO_" + permissionSet + "_" + ids.hex(16);
    }

    private List<Principal> ssoPeople(Account a, String roleName, int count, Repertoire repertoire) {
        String arn = "arn:aws:iam::" + a.id() + ":role/aws-reserved/sso.amazonaws.com/" + roleName;
        String roleId = ids.principalId(true);
        List<Principal> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = people.get(nextPerson++ % people.size());
            String email = person.toLowerCase().replace(' ', '.') + "@" + domain;
            Behaviour b = humanBehaviour(repertoire, 1.5, 0.6);
            Principal p = new Principal(principals.size(), Kind.SSO_USER, a, roleName, arn, roleId, email, null,
                    false, null, b);
            principals.add(p);
            added.add(p);
        }
        return added;
    }

    private Principal iamUser(Account a, Repertoire repertoire, boolean mfa, double weight) {
        String person = people.get(nextPerson++ % people.size());
        String[] parts = person.toLowerCase().split(" ");
        String userName = parts[0].charAt(0) + parts[1];
        Principal p = new Principal(principals.size(), Kind.IAM_USER, a, userName,
                "arn:aws:iam::" + a.id() + ":user/" + userName, ids.principalId(false), null,
                ids.accessKeyId(true), mfa, null, humanBehaviour(repertoire, weight, 0.5));
        principals.add(p);
        return p;
    }

    private Behaviour humanBehaviour(Repertoire repertoire, double weight, double consoleShare) {
        String ip1 = corporateIps.get(ids.random().nextInt(corporateIps.size()));
        String ip2 = corporateIps.get(ids.random().nextInt(corporateIps.size()));
        List<String> ips = ip1.equals(ip2) ? List.of(ip1) : List.of(ip1, ip2);
        String cli = UserAgents.PEOPLE_CLI.get(ids.random().nextInt(UserAgents.PEOPLE_CLI.size()));
        String browser = UserAgents.BROWSERS.get(ids.random().nextInt(UserAgents.BROWSERS.size()));
        return new Behaviour(weight, true, regions, ips, List.of(cli), browser, consoleShare, repertoire, null,
                List.of());
    }

    private List<Principal> rolesOf(Account a, Kind kind) {
        return principals.stream().filter(p -> p.account().equals(a) && p.kind() == kind).toList();
    }

    /** Egress address of AWS-hosted compute and CI runners: 192.0.2.0/24, never the office range. */
    private String natIp() {
        while (true) {
            String ip = "192.0.2." + (2 + ids.random().nextInt(250));
            if (usedIps.add(ip)) {
                return ip;
            }
        }
    }
}
