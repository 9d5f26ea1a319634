package dev.vigil.sim;

import dev.vigil.sim.Json.Obj;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * The AWS address prefixes the simulated estate uses, per region: EC2 (instance public and NAT Elastic IPs), S3 and
 * DynamoDB (the gateway-endpoint traffic in the flow logs). Written as {@code OUT/aws-ip-ranges.json} in the layout of
 * AWS's published {@code ip-ranges.json}, so a reader can tell AWS service peers from internet peers. The prefixes
 * are the simulator's own choice of addresses in AWS-owned space, one per service and region; they are not copied
 * from AWS's file and nothing in the simulation contacts them.
 */
final class AwsIpRanges {

    static final String FILE = "aws-ip-ranges.json";

    private AwsIpRanges() {
    }

    /** {@code 3.(80+i).0.0/16}: EC2 addresses of the {@code i}-th enabled region. */
    static String ec2Prefix(int regionIndex) {
        return "3." + (80 + regionIndex) + ".0.0/16";
    }

    static String s3Prefix(int regionIndex) {
        return "52." + (216 + regionIndex) + ".0.0/16";
    }

    static String dynamoDbPrefix(int regionIndex) {
        return "3." + (218 + regionIndex) + ".180.0/22";
    }

    /** An S3 endpoint address in the region: the prefix's network part with a host part from {@code n}. */
    static String s3Address(int regionIndex, int n) {
        return "52." + (216 + regionIndex) + "." + (n / 250 % 250) + "." + (1 + n % 250);
    }

    static String dynamoDbAddress(int regionIndex, int n) {
        return "3." + (218 + regionIndex) + "." + (180 + n / 250 % 4) + "." + (1 + n % 250);
    }

    static void write(Path outDir, List<String> regions, long createMillis) {
        List<Obj> prefixes = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String r = regions.get(i);
            prefixes.add(prefix(ec2Prefix(i), r, "AMAZON"));
            prefixes.add(prefix(ec2Prefix(i), r, "EC2"));
            prefixes.add(prefix(s3Prefix(i), r, "AMAZON"));
            prefixes.add(prefix(s3Prefix(i), r, "S3"));
            prefixes.add(prefix(dynamoDbPrefix(i), r, "AMAZON"));
            prefixes.add(prefix(dynamoDbPrefix(i), r, "DYNAMODB"));
        }
        String created = new TimeText().iso(createMillis);
        // ip-ranges.json: syncToken is the publication time in seconds; createDate is "YYYY-MM-DD-hh-mm-ss"
        Obj doc = obj("syncToken", String.valueOf(createMillis / 1000),
                "createDate", created.substring(0, 10) + "-" + created.substring(11, 19).replace(':', '-'),
                "prefixes", List.copyOf(prefixes), "ipv6_prefixes", list());
        SideFiles.write(outDir.resolve(FILE), TreeJson.string(doc) + "\n");
    }

    private static Obj prefix(String cidr, String region, String service) {
        return obj("ip_prefix", cidr, "region", region, "service", service, "network_border_group", region);
    }
}
