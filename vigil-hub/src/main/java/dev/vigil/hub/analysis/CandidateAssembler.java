package dev.vigil.hub.analysis;

import dev.vigil.model.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns one component of linked findings into an {@link IncidentCandidate}: id, tactics, score and summary. */
final class CandidateAssembler {

    private CandidateAssembler() {
    }

    /**
     * @param membersInTimeOrder the component's findings sorted by first seen, then id
     * @param tactics            each member's tactic, as {@link TacticClassifier} gives it, in the same order
     * @param linkingEntities    the entities that linked them, sorted
     */
    static IncidentCandidate assemble(List<AnalysedFinding> membersInTimeOrder, List<Tactic> tactics,
                                      List<LinkingEntity> linkingEntities) {
        List<CandidateMember> members = new ArrayList<>(membersInTimeOrder.size());
        Set<String> accounts = new TreeSet<>();
        List<Tactic> progression = new ArrayList<>();
        Set<Tactic> seen = EnumSet.noneOf(Tactic.class);
        Severity mostSevere = Severity.INFORMATIONAL;
        Instant first = membersInTimeOrder.get(0).firstSeen();
        Instant last = first;
        for (int i = 0; i < membersInTimeOrder.size(); i++) {
            AnalysedFinding f = membersInTimeOrder.get(i);
            Tactic tactic = tactics.get(i);
            members.add(new CandidateMember(f.id(), f.title(), tactic, f.severity(), f.account(), f.firstSeen(),
                    f.lastSeen()));
            if (!f.account().isEmpty()) {
                accounts.add(f.account());
            }
            if (tactic.isKnown() && seen.add(tactic)) {
                progression.add(tactic);
            }
            if (f.severity().compareTo(mostSevere) > 0) {
                mostSevere = f.severity();
            }
            if (f.lastSeen().isAfter(last)) {
                last = f.lastSeen();
            }
        }
        boolean objective = progression.stream().anyMatch(Tactic::isObjective);
        boolean evasion = seen.contains(Tactic.DEFENSE_EVASION);
        int score = RiskWeights.candidate(mostSevere, progression.size(), objective, evasion, accounts.size());
        List<String> accountList = List.copyOf(accounts);
        String summary = CandidateSummary.describe(members, linkingEntities, accountList, first, last);
        return new IncidentCandidate(idFor(membersInTimeOrder), members, linkingEntities, first, last, accountList,
                progression, score, summary);
    }

    /** {@code ic-} and the first 32 hex digits of SHA-256 over the sorted member ids. */
    static String idFor(List<AnalysedFinding> members) {
        List<String> ids = new ArrayList<>(members.size());
        for (AnalysedFinding f : members) {
            ids.add(f.id());
        }
        ids.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("vigil-incident-candidate".getBytes(StandardCharsets.UTF_8));
            for (String id : ids) {
                md.update((byte) 0);
                md.update(id.getBytes(StandardCharsets.UTF_8));
            }
            return "ic-" + HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
