package dev.vigil.engine.match;

import dev.vigil.engine.sigma.Placeholders;
import dev.vigil.engine.testing.MapEvent;
import dev.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever Java objects an event returns (null, JSON null, objects, NaN, nested and empty lists, huge strings,
 * types no reader produces), no modifier's matcher throws.
 */
class ModifierHostileValuesTest {

    private static final String[] CONDITIONS = {
            "f|base64|contains: 'http://'", "f|base64offset|contains: 'http://'", "f|wide|base64offset|contains: cmd",
            "f|utf16be|base64: cmd", "f|utf16|base64|endswith: cmd", "f|windash|contains: ' -enc'",
            "f|neq: x", "f|contains|neq: x", "f|neq: 22", "f|neq: null", "f|cidr|neq: 10.0.0.0/8",
            "f|minute: 4", "f|hour|lt: 6", "f|day: [1, 2]", "f|week: 53", "f|month|gte: 6", "f|year: 2024",
            "f|expand: '%p%'", "f|contains|expand: '%p%'", "f|fieldref: g", "f|fieldref|contains: g",
            "f|fieldref|startswith|cased: g", "f|fieldref|neq: g", "f|fieldref|endswith|neq: g",
            "f|windash|contains|all: [' -a', ' -b']", "f|hour|neq: 3"};

    private static Object hostile(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 14 : 16)) {
            case 0 -> "x".repeat(r.nextInt(100_000));
            case 1 -> "\u0000\u001b[31m\r\n\t\u202e -enc \u2014a /b";
            case 2 -> "";
            case 3 -> r.nextLong();
            case 4 -> r.nextBoolean() ? Double.NaN : r.nextDouble() * 1e300;
            case 5 -> r.nextBoolean();
            case 6 -> Event.NULL;
            case 7 -> new Event.ObjectValue("{\"a\":\"" + "\\u0000".repeat(r.nextInt(50)) + "\"}");
            case 8 -> new Event.ObjectValue(null);
            case 9 -> new Object();
            case 10 -> Integer.valueOf(22);
            case 11 -> "2024-01-02T03:04:05" + new String[] {"Z", "+25:00", ".999999999999Z", "", "Q"}[r.nextInt(5)];
            case 12 -> new String[] {"x", "X", "22", "10.1.1.1", "aHR0cDovLw==", "Y21k", "1704164645"}[r.nextInt(7)];
            case 13 -> Double.POSITIVE_INFINITY;
            case 14, 15 -> {
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(5); i > 0; i--) {
                    list.add(r.nextInt(8) == 0 ? null : hostile(r, depth + 1));
                }
                yield list;
            }
            default -> throw new IllegalStateException();
        };
    }

    @Test
    void noModifierThrowsOnAnyValue() {
        Placeholders p = new Placeholders(Map.of("p", List.of("x", "10.*", "?")));
        List<EventMatcher> matchers = Arrays.stream(CONDITIONS).map(c -> Selections.compile(p, c)).toList();
        Random r = new Random(99);
        int matched = 0;
        for (int i = 0; i < 3_000; i++) {
            Map<String, Object> fields = new HashMap<>();
            if (r.nextInt(8) != 0) {
                fields.put("f", hostile(r, 0));
            }
            if (r.nextInt(3) != 0) {
                fields.put("g", r.nextBoolean() ? fields.get("f") : hostile(r, 0));
            }
            MapEvent e = new MapEvent(fields);
            for (EventMatcher m : matchers) {
                if (m.matches(e)) {
                    matched++;
                }
            }
        }
        assertThat(matched).as("the values do reach matching branches").isGreaterThan(1_000);
    }
}
