package dev.vigil.engine.sigma;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed values modifier chains leave, before any matching. */
class ModifierChainTest {

    private static FieldCondition condition(String entry) {
        String text = "title: t\nname: t\nlogsource: {product: aws}\ndetection:\n  s:\n    " + entry
                + "\n  condition: s\n";
        SigmaParseResult r = SigmaRuleParser.parse("t.yml", text);
        assertThat(r.problems()).isEmpty();
        SigmaRule rule = (SigmaRule) r.documents().getFirst();
        return ((SearchIdentifier.FieldMap) rule.detection().searches().get("s")).conditions().getFirst();
    }

    @Test
    void alternativesAreFlatWithoutAllAndGroupedWithIt() {
        FieldCondition or = condition("f|windash: ['-a', '-b']");
        assertThat(or.values()).hasSize(10).allMatch(v -> v instanceof SigmaString);
        FieldCondition all = condition("f|windash|all: ['-a', '-b']");
        assertThat(all.values()).hasSize(2).allSatisfy(v ->
                assertThat(v).isInstanceOfSatisfying(SigmaAnyOf.class, g -> assertThat(g.alternatives()).hasSize(5)));
    }

    @Test
    void encodingsGiveCasedLiterals() {
        FieldCondition c = condition("f|base64: cmd");
        assertThat(c.values()).containsExactly(SigmaString.literal("Y21k").asCased());
        FieldCondition offsets = condition("f|base64offset|contains: cmd");
        assertThat(offsets.values()).hasSize(3).allSatisfy(v -> assertThat(((SigmaString) v).cased()).isTrue());
    }

    @Test
    void neqAndFieldrefAndTimePartsHaveTheirOwnShapes() {
        assertThat(condition("f|neq: x").negated()).isTrue();
        assertThat(condition("f: x").negated()).isFalse();
        assertThat(condition("f|fieldref|endswith|cased: g").values())
                .containsExactly(new SigmaFieldRef("g", true, false, true));
        assertThat(condition("f|hour|lt: 6").values()).singleElement().isInstanceOfSatisfying(SigmaTimePart.class,
                t -> assertThat(t.test()).isInstanceOf(SigmaComparison.class));
    }

    @Test
    void stablePartsOfBase64OffsetAppearInEveryEncodingOfTheValue() {
        Random r = new Random(3);
        for (int n = 2; n < 12; n++) {
            byte[] value = new byte[n];
            r.nextBytes(value);
            List<String> forms = List.of(Base64OffsetModifier.stablePart(value, 0),
                    Base64OffsetModifier.stablePart(value, 1), Base64OffsetModifier.stablePart(value, 2));
            for (int before = 0; before < 6; before++) {
                for (int after = 0; after < 4; after++) {
                    byte[] all = new byte[before + n + after];
                    r.nextBytes(all);
                    System.arraycopy(value, 0, all, before, n);
                    String encoded = Base64.getEncoder().encodeToString(all);
                    assertThat(encoded.contains(forms.get(before % 3))).as("n=%d before=%d after=%d", n, before, after)
                            .isTrue();
                }
            }
        }
        assertThat(Base64OffsetModifier.stablePart("a".getBytes(StandardCharsets.UTF_8), 1)).isEmpty();
    }
}
