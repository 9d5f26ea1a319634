package dev.vigil.engine.baseline;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers, per reader, what a pure function gave for recent inputs: a log repeats the same few user agents and
 * source addresses endlessly, and normalising each again (lower-casing, patterns) is most of what learning a call
 * costs. Bounded: when full it is emptied and refills with what is current, so hostile variety cannot grow it.
 */
final class Memo {

    static final int MAX_ENTRIES = 4096;

    private final Function<String, String> function;
    private final Map<String, String> known = new HashMap<>();

    Memo(Function<String, String> function) {
        this.function = function;
    }

    String apply(String input) {
        String out = known.get(input);
        if (out == null) {
            out = function.apply(input);
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            known.put(input, out);
        }
        return out;
    }
}
