package dev.vigil.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class BaselineStateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-02T00:00:00Z"), ZoneOffset.UTC);

    @Parameter
    StoreBackend backend;

    @TempDir
    Path workspace;

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aSavedStateReadsBackByteForByteAfterReopening() {
        byte[] state = bytes(1 << 20, 1); // every byte value, NULs included
        try (FindingStore store = backend.openEmpty(workspace, getClass(), CLOCK)) {
            assertThat(store.loadBaseline("cloudtrail")).isEmpty();
            store.saveBaseline("cloudtrail", state);
            assertThat(store.loadBaseline("cloudtrail")).hasValueSatisfying(b -> assertThat(b).isEqualTo(state));
        }
        try (FindingStore store = backend.open(workspace, getClass(), CLOCK)) {
            assertThat(store.loadBaseline("cloudtrail")).hasValueSatisfying(b -> assertThat(b).isEqualTo(state));
        }
    }

    @Test
    void savingAgainReplacesAndNamesAreSeparate() {
        try (FindingStore store = backend.openEmpty(workspace, getClass(), CLOCK)) {
            store.saveBaseline("cloudtrail", bytes(100, 1));
            store.saveBaseline("flow", bytes(10, 2));
            store.saveBaseline("cloudtrail", bytes(50, 3));
            assertThat(store.loadBaseline("cloudtrail")).hasValueSatisfying(b -> assertThat(b)
                    .isEqualTo(bytes(50, 3)));
            assertThat(store.loadBaseline("flow")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes(10, 2)));
            store.saveBaseline("empty", new byte[0]);
            assertThat(store.loadBaseline("empty")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        }
    }

    @Test
    void aNameMustBeGiven() {
        try (FindingStore store = backend.openEmpty(workspace, getClass(), CLOCK)) {
            assertThatThrownBy(() -> store.saveBaseline(" ", new byte[1]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
            assertThatThrownBy(() -> store.loadBaseline("x".repeat(201)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
