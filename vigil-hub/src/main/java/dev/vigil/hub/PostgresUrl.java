package dev.vigil.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL address as users type it ({@code postgresql://user:pass@host:port/dbname?sslmode=require}, also
 * {@code postgres://…} and {@code jdbc:postgresql://…}), turned into what the JDBC driver needs.
 *
 * <p>Like libpq: the user defaults to {@code PGUSER}, else the operating-system user; the database to the user
 * name; host {@code localhost}, port 5432. A password missing from the URL comes from {@code PGPASSWORD}, else
 * from the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}) whose lines read
 * {@code host:port:database:user:password} with {@code *} matching anything. Query parameters other than user and
 * password go to the driver unchanged ({@code sslmode}, {@code connectTimeout}…).
 *
 * @param jdbcUrl    {@code jdbc:postgresql://host:port/db?params}, without user or password
 * @param user       the user to connect as
 * @param password   the password, or empty when none was found (trust or peer authentication)
 * @param display    the address with the password masked, for messages
 */
record PostgresUrl(String jdbcUrl, String user, Optional<String> password, String display) {

    /** True when the text names a PostgreSQL database rather than a workspace directory. */
    static boolean isPostgres(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://")
                || lower.startsWith("jdbc:postgresql://");
    }

    /**
     * @param env     the environment ({@code PGUSER}, {@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME})
     * @throws StoreException naming the problem and showing the expected form, when the text is no such URL
     */
    static PostgresUrl parse(String text, Map<String, String> env) {
        String trimmed = text.strip();
        if (!isPostgres(trimmed)) {
            throw invalid(trimmed, "it does not start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        String withoutJdbc = trimmed.regionMatches(true, 0, "jdbc:", 0, 5) ? trimmed.substring(5) : trimmed;
        if (withoutJdbc.endsWith("://")) {
            withoutJdbc += "/"; // everything defaulted: java.net.URI needs a path where libpq needs nothing
        }
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw invalid(trimmed, e.getReason() + " at position " + e.getIndex()
                    + " (characters such as @ : / in a password must be written %40 %3A %2F)");
        }
        if (uri.getRawAuthority() != null && uri.getHost() == null) {
            throw invalid(trimmed, "its host part '" + uri.getRawAuthority() + "' is not a host name or address"
                    + " (several hosts are not supported)");
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        Map<String, String> params = queryParameters(trimmed, uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        user = firstNonEmpty(user, params.remove("user"), env.get("PGUSER"), System.getProperty("user.name"));
        password = firstNonEmpty(password, params.remove("password"), env.get("PGPASSWORD"), null);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty()) {
            database = user;
        }
        if (database.contains("/")) {
            throw invalid(trimmed, "the database name '" + database + "' contains '/'");
        }
        if (password == null) {
            password = PasswordFile.lookup(passwordFile(env), host, port, database, user).orElse(null);
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(encode(database));
        String separator = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            jdbc.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = "&";
        }
        String display = "postgresql://" + user + (password != null ? ":***" : "") + "@" + host + ":" + port + "/"
                + database;
        return new PostgresUrl(jdbc.toString(), user, Optional.ofNullable(password), display);
    }

    /** The driver's connection properties: user and password travel here, never in the URL. */
    Properties connectionProperties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "vigil");
        // Staged rows go in as batches; the driver then sends them as multi-row INSERTs.
        p.setProperty("reWriteBatchedInserts", "true");
        return p;
    }

    private static Path passwordFile(Map<String, String> env) {
        String explicit = env.get("PGPASSFILE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String home = Optional.ofNullable(env.get("HOME")).orElse(System.getProperty("user.home"));
        return Path.of(home, ".pgpass");
    }

    private static Map<String, String> queryParameters(String text, String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(text, "its parameter '" + pair + "' is not name=value");
            }
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String firstNonEmpty(String a, String b, String c, String d) {
        for (String s : new String[] {a, b, c, d}) {
            if (s != null && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static StoreException invalid(String text, String why) {
        // The text may hold a password: show only what precedes the user information.
        return new StoreException("The database URL '" + masked(text) + "' cannot be used: " + why
                + ". Write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE (the password may also come from"
                + " PGPASSWORD or ~/.pgpass).");
    }

    private static String masked(String text) {
        int at = text.lastIndexOf('@');
        int scheme = text.indexOf("://");
        if (at < 0 || scheme < 0 || at < scheme) {
            return text;
        }
        return text.substring(0, scheme + 3) + "***" + text.substring(at);
    }

    /** The libpq password file. */
    static final class PasswordFile {

        private PasswordFile() {
        }

        static Optional<String> lookup(Path file, String host, int port, String database, String user) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    List<String> fields = fields(line);
                    if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1),
                            String.valueOf(port)) && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                        return Optional.of(fields.get(4));
                    }
                }
                return Optional.empty();
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new StoreException("Could not read the PostgreSQL password file " + file + " (" + e
                        + "). Fix its permissions, or give the password in the URL or PGPASSWORD.", e);
            }
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value);
        }

        /** Splits on unescaped ':'; a backslash escapes ':' and '\'. */
        private static List<String> fields(String line) {
            List<String> out = new ArrayList<>(5);
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    current.append(line.charAt(++i));
                } else if (c == ':' && out.size() < 4) {
                    out.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            out.add(current.toString());
            return out;
        }
    }
}
