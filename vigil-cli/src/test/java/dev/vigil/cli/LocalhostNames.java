package dev.vigil.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves every name under {@code .localhost} to 127.0.0.1 (RFC 6761; systemd-resolved and browsers do the same)
 * and leaves all other names to the JDK's resolver. The AWS SDK sends S3 Control calls to {@code ACCOUNT.HOST} even
 * with an endpoint override, so a live run against a loopback replay server needs {@code 111111111111.localhost} to
 * resolve, which the test machine's resolver does not promise. Registered for the test JVM in META-INF/services.
 */
public final class LocalhostNames extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[]{127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "vigil-test-localhost-names";
    }
}
