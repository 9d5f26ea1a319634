package dev.vigil.hub;

import static dev.vigil.hub.TestFinding.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Finding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(StoreBackend.class)
@ExtendWith(PostgresExtension.class)
class FindingStoreLookupTest {

    @Parameter
    StoreBackend backend;


    private final Finding one = finding().key("n", "1").id("abcdef0123456789abcdef0123456789").build();
    private final Finding two = finding().key("n", "2").id("abcdef9999999999abcdef0123456789").build();
    private final Finding three = finding().key("n", "3").id("abc123ffffffffffffffffffffffffff").build();

    @TempDir
    Path workspace;

    private FindingStore store;

    @BeforeEach
    void open() {
        store = backend.openEmpty(workspace, getClass(), java.time.Clock.systemUTC());
        store.upsert(List.of(one, two, three), Instant.parse("2024-04-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void wholeIdFindsTheFinding() {
        assertThat(store.get(one.id())).map(StoredFinding::finding).contains(one);
    }

    @Test
    void uniquePrefixFindsTheFinding() {
        assertThat(store.get("abcdef0")).map(StoredFinding::finding).contains(one);
        assertThat(store.get("abc123")).map(StoredFinding::finding).contains(three);
    }

    @Test
    void prefixIsTrimmedAndCaseInsensitiveForHex() {
        assertThat(store.get("  ABCDEF9 \n")).map(StoredFinding::id).contains(two.id());
    }

    @Test
    void ambiguousPrefixNamesTheCandidates() {
        assertThatThrownBy(() -> store.get("abcdef"))
                .isInstanceOfSatisfying(AmbiguousIdException.class, e -> {
                    assertThat(e.matches()).isEqualTo(2);
                    assertThat(e.candidates()).containsExactly(one.id(), two.id());
                    assertThat(e.prefix()).isEqualTo("abcdef");
                })
                .hasMessageContaining("ambiguous").hasMessageContaining(one.id()).hasMessageContaining(two.id())
                .hasMessageContaining("more characters");
    }

    @Test
    void missingIdOrPrefixIsEmpty() {
        assertThat(store.get("ffffff")).isEmpty();
        assertThat(store.get("abcdef0123456789abcdef012345678a")).isEmpty();
    }

    @Test
    void likeWildcardsInAPrefixAreLiteral() {
        assertThat(store.get("abcde_")).isEmpty();
        assertThat(store.get("abc%%%")).isEmpty();
    }

    @Test
    void tooShortOrEmptyIsRefusedWithAReason() {
        assertThatThrownBy(() -> store.get("abcde")).isInstanceOf(StoreException.class)
                .hasMessageContaining("at least 6 characters");
        assertThatThrownBy(() -> store.get("  ")).isInstanceOf(StoreException.class)
                .hasMessageContaining("No finding id given");
    }

    @Test
    void aShortWholeIdStillMatchesExactly() {
        Finding shortId = finding().key("n", "4").id("ab").build();
        store.upsert(List.of(shortId), Instant.parse("2024-04-02T00:00:00Z"));

        assertThat(store.get("ab")).map(StoredFinding::id).contains("ab");
    }
}
