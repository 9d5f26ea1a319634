package dev.vigil.hub;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one private {@link PostgresServer} for the whole test run, the first time a test class that uses it
 * starts, and stops and deletes it when the run ends (JUnit closes what the root store holds).
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static volatile PostgresServer server;

    /** Used by JUnit through {@code @ExtendWith}; public so that test classes of other packages can name it. */
    public PostgresExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PostgresServer.class, k -> PostgresServer.start(), PostgresServer.class);
    }

    /**
     * The URL of an empty database for a test class of another module (the test-jar), as a user would pass it to
     * {@code --db}: created on first use, emptied on every call.
     */
    public static String emptyDatabase(Class<?> testClass) {
        String url = server().databaseUrl(testClass.getName().replace('.', '_').toLowerCase(java.util.Locale.ROOT));
        server().reset(url);
        return url;
    }

    /** The running server; only for classes extended with this extension. */
    static PostgresServer server() {
        PostgresServer s = server;
        if (s == null) {
            throw new IllegalStateException("no test PostgreSQL: extend the test class with PostgresExtension");
        }
        return s;
    }
}
