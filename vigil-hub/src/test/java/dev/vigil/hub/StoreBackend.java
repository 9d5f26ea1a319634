package dev.vigil.hub;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The two databases the store runs on; store tests run once with each. */
enum StoreBackend {

    DUCKDB {
        @Override
        FindingStore open(Path workspace, Class<?> testClass, Clock clock) {
            return FindingStore.open(workspace, clock);
        }
    },

    POSTGRESQL {
        @Override
        FindingStore open(Path workspace, Class<?> testClass, Clock clock) {
            String url = url(testClass);
            return FindingStore.connect(url, Map.of(), clock);
        }

        @Override
        FindingStore openEmpty(Path workspace, Class<?> testClass, Clock clock) {
            PostgresExtension.server().reset(url(testClass));
            return open(workspace, testClass, clock);
        }
    };

    /** Opens the store (a workspace in {@code workspace}, or the test class's PostgreSQL database) as it is. */
    abstract FindingStore open(Path workspace, Class<?> testClass, Clock clock);

    /** Opens an empty store: a fresh workspace directory is empty already, a PostgreSQL database is emptied. */
    FindingStore openEmpty(Path workspace, Class<?> testClass, Clock clock) {
        return open(workspace, testClass, clock);
    }

    static String url(Class<?> testClass) {
        return PostgresExtension.server().databaseUrl(testClass.getSimpleName());
    }
}
