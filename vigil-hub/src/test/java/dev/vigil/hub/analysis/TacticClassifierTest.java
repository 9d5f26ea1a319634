package dev.vigil.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

class TacticClassifierTest {

    @ParameterizedTest
    @CsvSource({
            "T1562.008, DEFENSE_EVASION",
            "t1580, DISCOVERY",
            "attack.t1530, COLLECTION",
            "T1537, EXFILTRATION",
            "T1485, IMPACT",
            "T1098.001, PERSISTENCE",
            "T1110.003, CREDENTIAL_ACCESS",
            "T1021, LATERAL_MOVEMENT",
            "T1059, EXECUTION",
            "T1090.003, COMMAND_AND_CONTROL",
            // several tactics: the first in kill-chain order
            "T1078.004, INITIAL_ACCESS",
            "T1484.002, PRIVILEGE_ESCALATION",
            "T1556, PERSISTENCE",
            // unknown sub-technique falls back to its parent
            "T1562.099, DEFENSE_EVASION",
            "T9999, UNKNOWN",
            "not-a-technique, UNKNOWN"})
    void techniqueTable(String technique, Tactic expected) {
        assertThat(TechniqueTactics.of(technique)).isEqualTo(expected);
    }

    @Test
    void everyTechniqueOfTheBuiltInRulesIsMapped() {
        // The attack.tNNNN tags of vigil-engine/src/main/resources/rules/*.yml when this table was written.
        List<String> ruleTechniques = List.of("T1562.008", "T1098", "T1580", "T1530", "T1599", "T1562.007", "T1537",
                "T1078.004", "T1562.001", "T1555.006", "T1552", "T1562", "T1485", "T1484.002", "T1136.003",
                "T1110.003", "T1110.001", "T1110", "T1098.001", "T1087.004", "T1070", "T1059", "T1021");
        assertThat(ruleTechniques).allSatisfy(t -> assertThat(TechniqueTactics.of(t).isKnown()).as(t).isTrue());
    }

    @ParameterizedTest
    @CsvSource({
            "TTPs/Defense Evasion/CloudTrailStopped, DEFENSE_EVASION",
            "TTPs/Initial Access, INITIAL_ACCESS",
            "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B, COMMAND_AND_CONTROL",
            "ttps/discovery/Recon:IAMUser-MaliciousIPCaller, DISCOVERY",
            "Effects/Data Exfiltration/S3BulkDownload, EXFILTRATION",
            "Effects/Data Destruction, IMPACT",
            "Effects/Data Exposure, EXFILTRATION",
            "Unusual Behaviors/User/RootCredentialUsage, INITIAL_ACCESS",
            "Unusual Behaviors/Network Flow, UNKNOWN",
            "Software and Configuration Checks/Industry and Regulatory Standards/CIS, UNKNOWN",
            "TTPs, UNKNOWN"})
    void asffTypes(String type, Tactic expected) {
        assertThat(TacticClassifier.classify(List.of(), List.of(type))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "Recon:IAMUser/TorIPCaller, DISCOVERY",
            "Recon:EC2/PortProbeUnprotectedPort, RECONNAISSANCE",
            "Recon:EC2/Portscan, DISCOVERY",
            "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS, INITIAL_ACCESS",
            "Exfiltration:S3/MaliciousIPCaller, EXFILTRATION",
            "Impact:EC2/WinRMBruteForce, IMPACT",
            "CryptoCurrency:EC2/BitcoinTool.B!DNS, IMPACT",
            "Backdoor:EC2/DenialOfService.Tcp, COMMAND_AND_CONTROL",
            "Trojan:EC2/DNSDataExfiltration, COMMAND_AND_CONTROL",
            "PenTest:IAMUser/KaliLinux, DISCOVERY",
            "Persistence:IAMUser/AnomalousBehavior, PERSISTENCE",
            "PrivilegeEscalation:IAMUser/AdministrativePermissions, PRIVILEGE_ESCALATION",
            "DefenseEvasion:IAMUser/AnomalousBehavior, DEFENSE_EVASION",
            "CredentialAccess:IAMUser/AnomalousBehavior, CREDENTIAL_ACCESS",
            "Discovery:S3/TorIPCaller, DISCOVERY",
            "Stealth:IAMUser/CloudTrailLoggingDisabled, DEFENSE_EVASION",
            "Policy:IAMUser/RootCredentialUsage, INITIAL_ACCESS",
            "Policy:S3/BucketBlockPublicAccessDisabled, DEFENSE_EVASION",
            "Behavior:EC2/NetworkPortUnusual, UNKNOWN",
            "Recon, UNKNOWN"})
    void guardDutyPurposes(String type, Tactic expected) {
        assertThat(TacticClassifier.classify(List.of(), List.of(type))).isEqualTo(expected);
    }

    @Test
    void techniqueWinsOverTypesAndAsffOverGuardDuty() {
        assertThat(TacticClassifier.classify(List.of("T1530"), List.of("TTPs/Discovery"))).isEqualTo(Tactic.COLLECTION);
        assertThat(TacticClassifier.classify(List.of("T0000", "T1537"), List.of())).isEqualTo(Tactic.EXFILTRATION);
        assertThat(TacticClassifier.classify(List.of(),
                List.of("Recon:IAMUser/TorIPCaller", "TTPs/Initial Access/Tor"))).isEqualTo(Tactic.INITIAL_ACCESS);
        assertThat(TacticClassifier.classify(List.of(), List.of())).isEqualTo(Tactic.UNKNOWN);
    }

    @Test
    void tacticsAreDeclaredInKillChainOrder() {
        assertThat(Tactic.INITIAL_ACCESS).isLessThan(Tactic.EXECUTION);
        assertThat(Tactic.DEFENSE_EVASION).isLessThan(Tactic.CREDENTIAL_ACCESS);
        assertThat(Tactic.CREDENTIAL_ACCESS).isLessThan(Tactic.DISCOVERY);
        assertThat(Tactic.COLLECTION).isLessThan(Tactic.EXFILTRATION);
        assertThat(Tactic.EXFILTRATION).isLessThan(Tactic.IMPACT);
        assertThat(Tactic.values()[Tactic.values().length - 1]).isEqualTo(Tactic.UNKNOWN);
    }

    @Test
    void aGuardDutyTypeNamingItsTacticOutranksATechniqueOfSeveralTactics() {
        // T1078.004 (valid cloud accounts) serves initial access, persistence, privilege escalation and evasion
        assertThat(TacticClassifier.classify(List.of("T1078.004"), List.of("Discovery:IAMUser/AnomalousBehavior")))
                .isEqualTo(Tactic.DISCOVERY);
        assertThat(TacticClassifier.classify(List.of("T1078.004"), List.of("Exfiltration:S3/AnomalousBehavior")))
                .isEqualTo(Tactic.EXFILTRATION);
        // a family name is not a tactic: the technique still decides
        assertThat(TacticClassifier.classify(List.of("T1530"), List.of("Trojan:EC2/DropPoint")))
                .isEqualTo(Tactic.COLLECTION);
    }
}
