package dev.vigil.sim;

import dev.vigil.sim.Estate.Account;
import dev.vigil.sim.Json.Obj;
import dev.vigil.sim.PostureOrg.Scp;
import dev.vigil.sim.PostureOrg.User;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.vigil.sim.CliExportSink.cliTime;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The account-wide identity exports: {@code iam get-account-summary} and {@code get-credential-report} (the CSV
 * base64-encoded, as the CLI prints the blob), {@code s3control get-public-access-block}, and, for the management
 * account, the {@code organizations} calls (accounts, root, SCPs, their content and targets). All under
 * {@code global}.
 */
final class IdentityExports {

    private static final long DAY = 86_400_000L;
    private static final DateTimeFormatter REPORT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private final PostureOrg org;
    private final CliExportSink sink;
    private final Account management;

    IdentityExports(PostureOrg org, CliExportSink sink) {
        this.org = org;
        this.sink = sink;
        this.management = org.account("management");
    }

    void write(Account a) {
        String g = "global";
        List<User> users = org.users().stream().filter(u -> u.account().equals(a)).toList();
        boolean rootKey = a.id().equals(org.faults().rootKeysAccount());
        long roles = org.estate().principals().stream()
                .filter(p -> p.account().equals(a) && p.kind().role() && p.arn() != null)
                .map(Principal::arn).distinct().count();
        sink.put(a.id(), g, "iam", "get-account-summary", null, obj("SummaryMap", obj(
                "AccountMFAEnabled", 1, "AccountAccessKeysPresent", rootKey ? 1 : 0,
                "AccountSigningCertificatesPresent", 0, "Users", users.size(), "Groups", 0, "Roles", roles,
                "Policies", 3, "Providers", 1, "MFADevices", users.stream().filter(User::mfa).count() + 1,
                "MFADevicesInUse", users.stream().filter(User::mfa).count() + 1, "ServerCertificates", 0,
                "UsersQuota", 5000, "RolesQuota", 1000, "GroupsQuota", 300, "PoliciesQuota", 1500)));
        sink.put(a.id(), g, "iam", "get-credential-report", null, obj("Content",
                Base64.getEncoder().encodeToString(credentialReport(a, users, rootKey).getBytes(StandardCharsets.UTF_8)),
                "ReportFormat", "text/csv", "GeneratedTime", cliTime(org.endMillis() - 20 * 60_000L)));
        sink.put(a.id(), g, "s3control", "get-public-access-block", null, obj("PublicAccessBlockConfiguration",
                obj("BlockPublicAcls", true, "IgnorePublicAcls", true, "BlockPublicPolicy", true,
                        "RestrictPublicBuckets", true)));
        if (a.equals(management)) {
            organizations(a);
        }
    }

    private String credentialReport(Account a, List<User> users, boolean rootKey) {
        StringBuilder csv = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,"
                + "access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
                + "access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
                + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
                + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        long created = org.startMillis() - 900 * DAY - (Long.parseLong(a.id().substring(8)) % 300) * DAY;
        Long rootUsed = org.faults().rootUsedMillis().get(a.id());
        String keyRotated = rootKey ? report(created + 3 * DAY) : "N/A";
        csv.append("<root_account>,arn:aws:iam::").append(a.id()).append(":root,").append(report(created))
                .append(",not_supported,").append(report(rootUsed == null ? created + DAY : rootUsed))
                .append(",not_supported,not_supported,true,").append(rootKey).append(',').append(keyRotated)
                .append(rootKey ? ",N/A,N/A,N/A" : ",N/A,N/A,N/A")
                .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        for (User u : users) {
            boolean key = u.accessKeyId() != null;
            boolean keyUsed = key && u.keyUsedMillis() != null;
            csv.append(u.name()).append(',').append(u.arn()).append(',').append(report(u.createdMillis()))
                    .append(',').append(u.password()).append(',')
                    .append(u.passwordUsedMillis() == null ? "N/A" : report(u.passwordUsedMillis())).append(',')
                    .append(report(u.createdMillis() + 60_000L)).append(",N/A,").append(u.mfa()).append(',')
                    .append(key).append(',').append(key ? report(u.createdMillis() + 120_000L) : "N/A").append(',')
                    .append(keyUsed ? report(u.keyUsedMillis()) : "N/A").append(',')
                    .append(keyUsed ? Estate.HOME_REGION : "N/A").append(',').append(keyUsed ? "s3" : "N/A")
                    .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        }
        return csv.toString();
    }

    private static String report(long millis) {
        return REPORT_TIME.format(Instant.ofEpochMilli(millis));
    }

    private void organizations(Account a) {
        String orgId = org.estate().orgId();
        List<Obj> accounts = new ArrayList<>();
        for (Account m : org.estate().accounts()) {
            accounts.add(obj("Id", m.id(), "Arn", "arn:aws:organizations::" + a.id() + ":account/" + orgId + "/" + m.id(),
                    "Email", m.email(), "Name", m.name(), "Status", "ACTIVE", "State", "ACTIVE",
                    "JoinedMethod", m.equals(a) ? "INVITED" : "CREATED",
                    "JoinedTimestamp", cliTime(org.startMillis() - 1000 * DAY + accounts.size() * 7 * DAY)));
        }
        sink.put(a.id(), "global", "organizations", "list-accounts", null, obj("Accounts", List.copyOf(accounts)));
        String rootArn = "arn:aws:organizations::" + a.id() + ":root/" + orgId + "/" + org.rootId();
        sink.put(a.id(), "global", "organizations", "list-roots", null, obj("Roots", list(obj("Id", org.rootId(),
                "Arn", rootArn, "Name", "Root", "PolicyTypes", list(obj("Type", "SERVICE_CONTROL_POLICY",
                        "Status", "ENABLED"))))));
        List<Obj> summaries = new ArrayList<>();
        for (Scp p : org.scps()) {
            summaries.add(scpSummary(a, p));
        }
        sink.put(a.id(), "global", "organizations", "list-policies", null, obj("Policies", List.copyOf(summaries)));
        for (Scp p : org.scps()) {
            sink.put(a.id(), "global", "organizations", "describe-policy", p.id(), obj("Policy", obj(
                    "PolicySummary", scpSummary(a, p), "Content", p.content())));
            List<Obj> targets = new ArrayList<>();
            for (String t : p.targets()) {
                if (t.equals(org.rootId())) {
                    targets.add(obj("TargetId", t, "Arn", rootArn, "Name", "Root", "Type", "ROOT"));
                } else {
                    Account target = org.estate().accounts().stream().filter(x -> x.id().equals(t)).findFirst()
                            .orElseThrow();
                    targets.add(obj("TargetId", t, "Arn", "arn:aws:organizations::" + a.id() + ":account/" + orgId
                            + "/" + t, "Name", target.name(), "Type", "ACCOUNT"));
                }
            }
            sink.put(a.id(), "global", "organizations", "list-targets-for-policy", p.id(),
                    obj("Targets", List.copyOf(targets)));
        }
    }

    private Obj scpSummary(Account a, Scp p) {
        String arn = p.awsManaged() ? "arn:aws:organizations::aws:policy/service_control_policy/" + p.id()
                : "arn:aws:organizations::" + a.id() + ":policy/" + org.estate().orgId() + "/service_control_policy/"
                + p.id();
        return obj("Id", p.id(), "Arn", arn, "Name", p.name(), "Description", p.description(),
                "Type", "SERVICE_CONTROL_POLICY", "AwsManaged", p.awsManaged());
    }
}
