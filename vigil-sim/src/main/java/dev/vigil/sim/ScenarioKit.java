package dev.vigil.sim;

import dev.vigil.sim.Estate.Bucket;
import dev.vigil.sim.Estate.Workload;

import java.util.SplittableRandom;

/** What scenario scripts build records with: the estate, ids, payloads and role sessions. */
final class ScenarioKit {

    static final String LOGIN_TO = "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true";

    final Estate estate;
    final RecordFactory factory;
    final Payloads payloads;
    final Sessions sessions;
    final SplittableRandom random;

    ScenarioKit(Estate estate, long seed) {
        this.estate = estate;
        Ids ids = new Ids(Ids.mix(seed, 0x5363656eL));
        this.factory = new RecordFactory(ids);
        this.payloads = new Payloads(ids);
        // same seed as benign traffic: a scenario actor's role session matches its everyday one
        this.sessions = new Sessions(seed, estate.principals().size());
        this.random = ids.random();
    }

    Ids ids() {
        return factory.ids();
    }

    /** Seconds to the next step: uniform in [min, max], with a random sub-second part. */
    long gap(int minSeconds, int maxSeconds) {
        return (minSeconds + random.nextInt(maxSeconds - minSeconds + 1)) * 1000L + random.nextInt(1000);
    }

    Payloads.Target target(Estate.Account account, String region, Workload workload, Bucket bucket, String userName,
                           long time) {
        return new Payloads.Target(account, region, workload, bucket, null, 0, userName,
                estate.cast().accountTrail(), time);
    }

    /** A call whose payloads come from {@link Payloads}; the region follows the bucket for bucket calls. */
    TrailRecord.Builder call(Api api, long time, Identity identity, String ip, String agent, Payloads.Target t) {
        String region = api == Api.LIST_BUCKETS ? Estate.HOME_REGION
                : api.service == Service.S3 && t.bucket() != null ? t.bucket().region() : t.region();
        TrailRecord.Builder b = factory.start(api, time, identity, t.account().id(), region, ip, agent,
                Payloads.host(api, region, t.bucket()));
        b.requestParameters = payloads.request(api, t);
        b.responseElements = payloads.response(api, t);
        b.resources = payloads.resources(api, t);
        b.additionalEventData = payloads.additional(api, t);
        return b;
    }

    /** A monitored change: the scenario supplies request and response. */
    TrailRecord.Builder change(Api api, long time, Identity identity, String account, String region, String ip,
                               String agent, Object request, Object response) {
        TrailRecord.Builder b = factory.start(api, time, identity, account, region, ip, agent,
                api.service.host(region));
        b.requestParameters = request;
        b.responseElements = response;
        return b;
    }
}
