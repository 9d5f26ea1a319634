package dev.vigil.sim;

import dev.vigil.sim.Estate.Bucket;

import java.util.List;

import static dev.vigil.sim.Api.PUT_BUCKET_POLICY;
import static dev.vigil.sim.Api.PUT_BUCKET_PUBLIC_ACCESS_BLOCK;
import static dev.vigil.sim.Json.list;
import static dev.vigil.sim.Json.obj;

/**
 * A developer makes the dev account's Terraform state bucket publicly readable to share a file, and puts it back
 * twenty-five minutes later: the bucket's public access block is lifted and a public-read statement added, then the
 * block is restored and the policy put back as it was. The AWS Config history of the same output records both
 * states of the bucket, each a little after these calls, so configuration changes can be traced to them.
 */
final class PublicBucketPolicyScenario implements ScenarioScript {

    static final String ID = "bucket-made-public";
    static final String OPEN = "make-public";
    static final String CLOSE = "make-private";
    /** How long the bucket stays public. */
    static final long EXPOSURE_MILLIS = 25 * 60_000L;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double position() {
        return 0.35;
    }

    @Override
    public long maxDurationMillis() {
        return EXPOSURE_MILLIS + 2 * 60_000L;
    }

    /** The bucket the scenario exposes: the dev account's Terraform state bucket. */
    static Bucket bucket(Estate estate) {
        return estate.buckets().stream().filter(b -> b.account().role().equals("dev")
                && b.name().endsWith("-terraform-state")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the estate has no dev Terraform state bucket"));
    }

    @Override
    public Planned run(long start, ScenarioKit kit) {
        Bucket bucket = bucket(kit.estate);
        Principal developer = kit.estate.principals().stream()
                .filter(p -> p.kind() == Principal.Kind.SSO_USER && p.account().equals(bucket.account()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no developer in " + bucket.account().id()));
        String account = bucket.account().id();
        String ip = developer.behaviour().sourceIps().get(0);
        String agent = UserAgents.PEOPLE_CLI.get(0);
        ScenarioRecorder rec = new ScenarioRecorder(ID);
        rec.step(OPEN, "The bucket's public access block is lifted and a public-read statement added to its policy.");
        rec.step(CLOSE, "The public access block is restored and the policy put back without the public statement.");

        long t = start;
        Identity session = kit.sessions.role(developer, t, false);
        rec.principal(((Identity.AssumedRole) session).arn());
        rec.add(OPEN, publicAccessBlock(kit, t, session, bucket, ip, agent, false));
        t += kit.gap(20, 60);
        rec.add(OPEN, policy(kit, t, session, bucket, ip, agent, true));
        t = start + EXPOSURE_MILLIS;
        rec.add(CLOSE, publicAccessBlock(kit, t, session, bucket, ip, agent, true));
        t += kit.gap(10, 40);
        rec.add(CLOSE, policy(kit, t, session, bucket, ip, agent, false));
        Scenario summary = rec.summary("Bucket made public for twenty-five minutes",
                "SSO session " + developer.sessionName() + " lifts the public access block of " + bucket.name()
                        + " and adds a public-read statement to its policy, then restores both 25 minutes later. "
                        + "Expected detections: bucket policy and public access block changes; the Config history "
                        + "shows the public state.", true, account);
        return new Planned(summary, rec.records());
    }

    private static TrailRecord publicAccessBlock(ScenarioKit kit, long t, Identity session, Bucket bucket, String ip,
                                                 String agent, boolean block) {
        var config = obj("xmlns", "http://s3.amazonaws.com/doc/2006-03-01/", "RestrictPublicBuckets", block,
                "BlockPublicPolicy", block, "BlockPublicAcls", true, "IgnorePublicAcls", true);
        return s3Change(kit, PUT_BUCKET_PUBLIC_ACCESS_BLOCK, t, session, bucket, ip, agent,
                obj("publicAccessBlock", "", "bucketName", bucket.name(), "Host", host(bucket),
                        "PublicAccessBlockConfiguration", config));
    }

    private static TrailRecord policy(ScenarioKit kit, long t, Identity session, Bucket bucket, String ip,
                                      String agent, boolean publicRead) {
        String arn = "arn:aws:s3:::" + bucket.name();
        List<Object> statements = new java.util.ArrayList<>(List.of(obj("Sid", "DenyInsecureTransport",
                "Effect", "Deny", "Principal", "*", "Action", "s3:*", "Resource", list(arn, arn + "/*"),
                "Condition", obj("Bool", obj("aws:SecureTransport", "false")))));
        if (publicRead) {
            statements.add(obj("Sid", "TemporaryPublicRead", "Effect", "Allow", "Principal", "*",
                    "Action", "s3:GetObject", "Resource", arn + "/*"));
        }
        return s3Change(kit, PUT_BUCKET_POLICY, t, session, bucket, ip, agent,
                obj("bucketPolicy", obj("Version", "2012-10-17", "Statement", List.copyOf(statements)),
                        "bucketName", bucket.name(), "Host", host(bucket), "policy", list("")));
    }

    private static TrailRecord s3Change(ScenarioKit kit, Api api, long t, Identity session, Bucket bucket, String ip,
                                        String agent, Object request) {
        TrailRecord.Builder b = kit.change(api, t, session, bucket.account().id(), bucket.region(), ip, agent,
                request, null);
        b.resources = List.of(new TrailRecord.Resource("arn:aws:s3:::" + bucket.name(), bucket.account().id(),
                "AWS::S3::Bucket"));
        return b.build();
    }

    private static String host(Bucket bucket) {
        return bucket.name() + ".s3." + bucket.region() + ".amazonaws.com";
    }
}
