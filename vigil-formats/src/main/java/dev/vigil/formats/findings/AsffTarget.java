package dev.vigil.formats.findings;

/**
 * The Security Hub that will import an ASFF export: findings are sent as the account's own custom product,
 * {@code arn:<partition>:securityhub:<region>:<account>:product/<account>/default}.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region    the Security Hub region, e.g. {@code eu-west-1}
 * @param account   the 12-digit account that calls BatchImportFindings
 */
public record AsffTarget(String partition, String region, String account) {

    public AsffTarget {
        if (!partition.equals("aws") && !partition.equals("aws-cn") && !partition.equals("aws-us-gov")) {
            throw new IllegalArgumentException("partition '" + partition + "' is not aws, aws-cn or aws-us-gov");
        }
        if (!AsffFindingBuilder.isRegion(region)) {
            throw new IllegalArgumentException("region '" + region + "' is not an AWS region name like eu-west-1");
        }
        if (!AsffFindingBuilder.isAccount(account)) {
            throw new IllegalArgumentException("account '" + account + "' is not a 12-digit AWS account id");
        }
    }

    public static AsffTarget of(String region, String account) {
        return new AsffTarget("aws", region, account);
    }

    public String productArn() {
        return "arn:" + partition + ":securityhub:" + region + ":" + account + ":product/" + account + "/default";
    }
}
