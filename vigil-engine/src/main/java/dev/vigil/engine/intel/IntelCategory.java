package dev.vigil.engine.intel;

/**
 * What an indicator says about an address: which finding a match raises. A set has one category (its
 * {@code category} in the intel configuration, or the one its format implies, e.g. a Tor exit list).
 */
public enum IntelCategory {
    /** Known-bad addresses: MaliciousIPCaller(.Custom) for API calls, MaliciousIPCaller.Custom for flows. */
    MALICIOUS,
    /** Tor exit nodes: TorIPCaller for API calls, TorClient for flows. */
    TOR_EXIT,
    /** Tor relays and guards: TorClient when an instance connects to them, TorRelay when it serves them. */
    TOR_RELAY,
    /** Cryptocurrency mining pools: CryptoCurrency:EC2/BitcoinTool.B. */
    MINING_POOL,
    /** Command-and-control servers: Backdoor:EC2/C&amp;CActivity.B. */
    COMMAND_AND_CONTROL,
    /** Sinkholes and black-holed addresses: Trojan:EC2/BlackholeTraffic. */
    BLACKHOLE,
    /** Drop points for stolen data and credentials: Trojan:EC2/DropPoint. */
    DROP_POINT
}
