package dev.vigil.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for the test run: initdb into a temporary directory, started on a free loopback port
 * with its unix socket in that directory, stopped and deleted at the end. Uses Debian's server binaries under
 * {@code /usr/lib/postgresql/VERSION/bin}; when they are missing the tests fail and say what to install.
 *
 * <p>initdb refuses to run as root, so when the tests run as root the server processes run as the
 * {@code postgres} operating-system user, owning the temporary directory.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "vigil";
    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final long STEP_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;
    private final Set<String> databases = new HashSet<>();

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    static PostgresServer start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("vigil-pg-");
            Path sockets = Files.createDirectory(dir.resolve("sock"));
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(sockets, postgres);
            }
            PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop test PostgreSQL"));
            server.run("initdb", "-D", server.data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--no-locale", "--no-sync");
            server.run("pg_ctl", "-D", server.data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", String.valueOf(STEP_TIMEOUT_SECONDS), "-o",
                    "-p " + server.port + " -k " + sockets + " -h 127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=50",
                    "start");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a temporary PostgreSQL server: " + e, e);
        }
    }

    /** A URL of a database of its own for one test class, created on first use. */
    synchronized String databaseUrl(String name) {
        String db = "t_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (databases.add(db)) {
            admin("postgres", "CREATE DATABASE " + db);
        }
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + db;
    }

    /** Empties a test database: everything Vigil created goes with the schema. */
    void reset(String databaseUrl) {
        String db = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        admin(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    }

    /** Runs SQL in a database as the test superuser. */
    void admin(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(data)) {
            return;
        }
        try {
            run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            // Deleting the directory below still cleans up; the server, if it lingers, has nothing left.
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test PostgreSQL directory " + dir, e);
        }
    }

    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(tool + ".out");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within " + STEP_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                        + p.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8) + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
    }

    private String serverLog() throws IOException {
        Path log = dir.resolve("server.log");
        return Files.exists(log) ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static Path binaries() {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(INSTALL_ROOT)) {
            try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
                versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + INSTALL_ROOT, e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("The findings-store tests need PostgreSQL's server binaries (initdb,"
                    + " pg_ctl, postgres) under " + INSTALL_ROOT + "/VERSION/bin, and found none. Install Debian's"
                    + " 'postgresql' package (apt-get install postgresql) and run the tests again.");
        }
        found.sort(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
        return found.getLast();
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
