package dev.vigil.hub.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one-paragraph story of an incident candidate: who or what linked the findings, then each step in time order
 * with its tactic, then how many findings, accounts and how long. Consecutive findings of the same tactic form one
 * step, and long stories are cut, so a candidate of ten thousand findings still reads in a few lines. Every value
 * taken from a finding goes through {@link DisplayText}.
 */
final class CandidateSummary {

    /** Steps told in full; more become "then N more steps". */
    static final int MAX_STEPS = 8;

    /** Titles named per step; more become "and N more". */
    static final int MAX_TITLES_PER_STEP = 2;

    /** Linking entities named; more become "and N more entities". */
    static final int MAX_ENTITIES = 3;

    private CandidateSummary() {
    }

    static String describe(List<CandidateMember> members, List<LinkingEntity> entities, List<String> accounts,
                           Instant first, Instant last) {
        StringBuilder out = new StringBuilder(256);
        out.append(capitalise(subject(entities))).append(": ");
        List<List<CandidateMember>> steps = steps(members);
        for (int s = 0; s < steps.size() && s < MAX_STEPS; s++) {
            if (s > 0) {
                out.append(", then ");
            }
            out.append(step(steps.get(s)));
        }
        if (steps.size() > MAX_STEPS) {
            int more = steps.size() - MAX_STEPS;
            out.append(", then ").append(more).append(more == 1 ? " more step" : " more steps");
        }
        out.append(". ").append(members.size()).append(members.size() == 1 ? " finding" : " findings");
        if (accounts.size() == 1) {
            out.append(" in account ").append(DisplayText.shorten(accounts.get(0)));
        } else if (accounts.size() > 1) {
            out.append(" across ").append(accounts.size()).append(" accounts");
        }
        out.append(" from ").append(first).append(" to ").append(last)
                .append(" (").append(span(Duration.between(first, last))).append(").");
        return out.toString();
    }

    private static String subject(List<LinkingEntity> entities) {
        if (entities.isEmpty()) {
            return "related activity";
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < entities.size() && i < MAX_ENTITIES; i++) {
            named.add(entities.get(i).describe());
        }
        String text = String.join(", ", named);
        int more = entities.size() - named.size();
        return more > 0 ? text + " and " + more + (more == 1 ? " more entity" : " more entities") : text;
    }

    private static List<List<CandidateMember>> steps(List<CandidateMember> members) {
        List<List<CandidateMember>> steps = new ArrayList<>();
        for (CandidateMember m : members) {
            if (steps.isEmpty() || steps.get(steps.size() - 1).get(0).tactic() != m.tactic()) {
                steps.add(new ArrayList<>());
            }
            steps.get(steps.size() - 1).add(m);
        }
        return steps;
    }

    private static String step(List<CandidateMember> step) {
        Set<String> titles = new LinkedHashSet<>();
        for (CandidateMember m : step) {
            titles.add(m.title().isBlank() ? "finding " + m.findingId() : m.title().strip());
        }
        List<String> shown = new ArrayList<>();
        for (String t : titles) {
            if (shown.size() == MAX_TITLES_PER_STEP) {
                break;
            }
            shown.add(DisplayText.shorten(t));
        }
        StringBuilder text = new StringBuilder(String.join("; ", shown));
        int more = titles.size() - shown.size();
        if (more > 0) {
            text.append(" and ").append(more).append(" more");
        }
        if (step.size() > titles.size()) {
            text.append(" (").append(step.size()).append(" findings)");
        }
        Tactic tactic = step.get(0).tactic();
        return text.append(" (").append(tactic.isKnown() ? tactic.words() : "tactic unknown").append(')').toString();
    }

    /** "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
    static String span(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return hours % 24 == 0 ? days + " d" : days + " d " + hours % 24 + " h";
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
