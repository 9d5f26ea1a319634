package dev.vigil.cli;

import dev.vigil.engine.match.MatchExplainer;
import dev.vigil.engine.sigma.FieldCondition;
import dev.vigil.engine.sigma.LogSource;
import dev.vigil.engine.sigma.SigmaCorrelation;
import dev.vigil.engine.sigma.SigmaValue;
import dev.vigil.model.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences that say why a rule did or did not match a record, for a rule's author reading a test failure. The text
 * holds rule and record content verbatim; whoever prints it sanitises it for its medium.
 */
final class MatchReasons {

    /** Field conditions shown per search, values shown per condition, and characters shown per value. */
    static final int MAX_CONDITIONS = 3;
    static final int MAX_VALUES = 3;
    static final int MAX_TEXT = 80;

    private MatchReasons() {
    }

    static List<String> of(MatchExplainer.Explanation e, LogSource logSource, Event event) {
        List<String> out = new ArrayList<>();
        if (!e.inScope()) {
            out.add("the rule's logsource (product " + orAny(logSource.product()) + ", service "
                    + orAny(logSource.service()) + ") does not cover this record's source " + event.logSource());
        }
        for (MatchExplainer.SearchOutcome s : e.searches()) {
            if (s.matched()) {
                out.add(s.identifier() + ": matched");
                continue;
            }
            List<String> unmet = new ArrayList<>();
            for (FieldCondition c : s.unmet().subList(0, Math.min(MAX_CONDITIONS, s.unmet().size()))) {
                unmet.add(condition(c, event));
            }
            if (s.unmet().size() > MAX_CONDITIONS) {
                unmet.add("and " + (s.unmet().size() - MAX_CONDITIONS) + " more");
            }
            out.add(s.identifier() + ": not matched" + (unmet.isEmpty() ? "" : ": " + String.join("; ", unmet)));
        }
        return out;
    }

    /** {@code eventName|startswith wants the string 'Stop'; the record has "StartLogging"}. */
    static String condition(FieldCondition c, Event event) {
        StringBuilder b = new StringBuilder();
        if (c.isKeyword()) {
            b.append("keywords");
        } else {
            b.append(clip(c.field()));
        }
        c.modifiers().forEach(m -> b.append('|').append(clip(m)));
        b.append(" wants ");
        List<SigmaValue> values = c.values();
        String joiner = c.all() ? " and " : " or ";
        for (int i = 0; i < Math.min(MAX_VALUES, values.size()); i++) {
            if (i > 0) {
                b.append(joiner);
            }
            b.append(clip(values.get(i).describe()));
        }
        if (values.size() > MAX_VALUES) {
            b.append(joiner).append(values.size() - MAX_VALUES).append(" more");
        }
        if (c.isKeyword()) {
            return b.append(" in the record's text").toString();
        }
        Object v = event.field(c.field());
        return b.append(v == null ? "; the record has no such field" : ", the record has " + value(v)).toString();
    }

    /** An event value as a reader would recognise it, bounded. */
    static String value(Object v) {
        if (v == Event.NULL) {
            return "null";
        }
        if (v instanceof String s) {
            return "\"" + clip(s) + "\"";
        }
        if (v instanceof Event.ObjectValue o) {
            return clip(o.json());
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < Math.min(MAX_VALUES, list.size()); i++) {
                b.append(i > 0 ? ", " : "").append(value(list.get(i)));
            }
            if (list.size() > MAX_VALUES) {
                b.append(", … ").append(list.size()).append(" values");
            }
            return b.append(']').toString();
        }
        return clip(String.valueOf(v));
    }

    /** {@code event_count gte 5 within 5m per sourceIPAddress}. */
    static String correlation(SigmaCorrelation c) {
        StringBuilder b = new StringBuilder(c.type().sigmaName());
        if (c.valueField() != null) {
            b.append(" of ").append(clip(c.valueField()));
        }
        b.append(' ').append(c.condition()).append(" within ").append(duration(c.timespan()));
        if (!c.groupBy().isEmpty()) {
            b.append(" per ").append(clip(String.join(" + ", c.groupBy())));
        }
        return b.toString();
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String orAny(String s) {
        return s == null ? "any" : clip(s);
    }
}
