package dev.vigil.posture.framework;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * User framework files are typed by hand: whatever damage a file has, loading either succeeds or fails with a
 * {@link FrameworkFileException} naming the file — never another exception escaping to the user as a stack trace.
 */
class FrameworkLoaderFuzzTest {

    private static final String ALPHABET = " \n\t:-[]{},'\"&*!#|>%@`?0123456789abcdefgh.\u0000\u202E";

    @Test
    void damagedFilesFailOnlyWithAFrameworkFileException() {
        Random random = new Random(20260301L);
        int loaded = 0;
        for (int i = 0; i < 1000; i++) {
            StringBuilder b = new StringBuilder(FrameworkLoaderTest.ONE);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    default -> b.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            try {
                FrameworkLoader.parse(b.toString(), "fuzz.yaml");
                loaded++;
            } catch (FrameworkFileException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz.yaml");
            } catch (RuntimeException other) {
                fail("input %d threw %s for:%n%s", i, other, b);
            }
        }
        assertThat(loaded).as("some harmless edits (inside titles) still load").isPositive();
    }
}
