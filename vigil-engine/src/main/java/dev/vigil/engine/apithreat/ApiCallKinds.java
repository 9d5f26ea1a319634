package dev.vigil.engine.apithreat;

import java.util.List;
import java.util.Locale;

/** How an API call is classified for the intel findings: read-only ("Recon") or not, and AWS-service calls. */
final class ApiCallKinds {

    /** Event-name prefixes of calls that read or enumerate. */
    static final List<String> READ_PREFIXES = List.of("Get", "List", "Describe", "Head", "Search", "Lookup",
            "BatchGet", "BatchDescribe");

    private ApiCallKinds() {
    }

    /** True when the event name is a prefix above followed by an upper-case letter or nothing (not "Listen…"). */
    static boolean readOnly(String eventName) {
        for (String p : READ_PREFIXES) {
            if (eventName.startsWith(p) && (eventName.length() == p.length()
                    || Character.isUpperCase(eventName.charAt(p.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when CloudTrail shows an AWS service, not a network address, as the caller: {@code AWS Internal} or a
     * service host name such as {@code ec2.amazonaws.com} (also the China partition's {@code amazonaws.com.cn}).
     */
    static boolean serviceCaller(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.equals("aws internal") || s.endsWith(".amazonaws.com") || s.endsWith(".amazonaws.com.cn")
                || s.equals("amazonaws.com");
    }
}
