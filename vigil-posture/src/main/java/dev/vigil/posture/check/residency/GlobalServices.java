package dev.vigil.posture.check.residency;

import dev.vigil.posture.inventory.Resource;

import java.util.List;

/**
 * Resource types whose service is global: AWS Config records them in one region (or as {@code global}) but the
 * data is not held in that region in any sense a residency rule can steer, so they are not judged against the
 * allow-list. The list is deliberately short; a regional type left off would be judged, which is the safe side.
 */
final class GlobalServices {

    private static final List<String> PREFIXES = List.of("AWS::IAM::", "AWS::CloudFront::", "AWS::Route53::",
            "AWS::WAF::", "AWS::GlobalAccelerator::", "AWS::Organizations::", "AWS::NetworkManager::",
            "AWS::Shield::");

    private GlobalServices() {
    }

    static boolean isGlobal(Resource r) {
        if (r.region().isEmpty() || r.region().equals("global")) {
            return true;
        }
        return PREFIXES.stream().anyMatch(p -> r.type().startsWith(p));
    }
}
