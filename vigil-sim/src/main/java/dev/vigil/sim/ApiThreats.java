package dev.vigil.sim;

import java.util.List;

/**
 * What the API-side threat scenarios share: the finding type each step should raise (for
 * {@code network-labels.jsonl}), the attack-distribution user agents, and the actor they borrow.
 */
final class ApiThreats {

    /** aws-cli 2 as Kali's package builds it: the source tag names the distribution. */
    static final String KALI_CLI = "aws-cli/2.9.19 Python/3.11.8 Linux/6.6.15-amd64 source/x86_64.kali.2024 "
            + "prompt/off command/sts.get-caller-identity";
    /** aws-cli 1 from Parrot's repository, on a Parrot kernel. */
    static final String PARROT_CLI = "aws-cli/1.22.34 Python/3.11.2 Linux/6.5.0-13parrot1-amd64 botocore/1.23.34";
    /** A boto3 script on Pentoo (a Gentoo-based distribution; the kernel names it). */
    static final String PENTOO_BOTO3 = "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.6.21-pentoo "
            + "md/arch#x86_64 lang/python#3.12.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69";
    /** The anomalous-behaviour scenario's new client: a Go tool on Windows the principal never used. */
    static final String UNFAMILIAR_GO_TOOL = "aws-sdk-go-v2/1.30.3 os/windows lang/go#1.22.5 md/GOOS#windows "
            + "md/GOARCH#amd64 api/iam#1.34.3";

    /** A label of an API scenario: the steps of {@code scenario} that should raise {@code type}. */
    record Expectation(String scenario, List<String> steps, String type) {
    }

    static final List<Expectation> EXPECTED = List.of(
            new Expectation(PenTestAgentScenario.ID, List.of("kali"), "PenTest:IAMUser/KaliLinux"),
            new Expectation(PenTestAgentScenario.ID, List.of("parrot"), "PenTest:IAMUser/ParrotLinux"),
            new Expectation(PenTestAgentScenario.ID, List.of("pentoo"), "PenTest:IAMUser/PentooLinux"),
            new Expectation(SuspiciousSourceScenario.TOR, List.of("calls"), "Recon:IAMUser/TorIPCaller"),
            new Expectation(SuspiciousSourceScenario.MALICIOUS, List.of("calls"),
                    "Recon:IAMUser/MaliciousIPCaller.Custom"),
            new Expectation(InstanceCredentialScenario.ID, List.of("outside-aws"),
                    "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS"),
            new Expectation(AnomalousBehaviourScenario.ID, List.of("discovery"), "Discovery:IAMUser/AnomalousBehavior"),
            new Expectation(AnomalousBehaviourScenario.ID, List.of("persistence"),
                    "Persistence:IAMUser/AnomalousBehavior"),
            new Expectation(AnomalousBehaviourScenario.ID, List.of("privilege-escalation"),
                    "PrivilegeEscalation:IAMUser/AnomalousBehavior"),
            new Expectation(AnomalousBehaviourScenario.ID, List.of("collection"), "Exfiltration:S3/AnomalousBehavior"));

    private ApiThreats() {
    }

    /**
     * An established IAM user of the estate that no other scenario uses (the leaked-key user when there is none):
     * its ordinary traffic surrounds the scenario's calls.
     */
    static Principal establishedUser(Estate estate) {
        return estate.principals().stream()
                .filter(p -> p.kind() == Principal.Kind.IAM_USER && !p.equals(estate.cast().leakedKeyUser())
                        && !p.equals(estate.cast().bruteForceTarget()))
                .findFirst().orElse(estate.cast().leakedKeyUser());
    }

    /**
     * An IAM user of the prod account that only this scenario uses (its key never appears in benign traffic), so
     * detections keyed on the principal see nothing but the scenario: a clean habit for the anomaly scenario, an
     * unambiguous caller for the indicator-listed sources.
     */
    static Identity.IamUser dedicatedUser(ScenarioKit kit, String userName) {
        Estate.Account prod = kit.estate.account("prod");
        return new Identity.IamUser(kit.ids().principalId(false), "arn:aws:iam::" + prod.id() + ":user/" + userName,
                prod.id(), kit.ids().accessKeyId(true), userName, null);
    }

    static Identity.IamUser identity(Principal p) {
        return new Identity.IamUser(p.principalId(), p.arn(), p.accountId(), p.accessKeyId(), p.name(), null);
    }
}
