package dev.vigil.sim;

import java.util.List;

/** User-agent strings of the clients the estate's principals use, modelled on what AWS records for them. */
final class UserAgents {

    private UserAgents() {
    }

    static final String LAMBDA_PYTHON = "Boto3/1.34.145 md/Botocore#1.34.145 ua/2.0 "
            + "os/linux#5.10.225-235.876.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython "
            + "exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.145";
    static final String LAMBDA_NODE = "aws-sdk-js/3.621.0 ua/2.1 os/linux#5.10.225-235.876.amzn2.x86_64 lang/js "
            + "md/nodejs#20.16.0 api/secrets-manager#3.621.0 exec-env/AWS_Lambda_nodejs20.x";
    static final String ECS_JAVA = "aws-sdk-java/2.28.11 Linux/5.10.226-214.880.amzn2.x86_64 "
            + "OpenJDK_64-Bit_Server_VM/21.0.4+7-LTS Java/21.0.4 vendor/Amazon.com_Inc. md/internal "
            + "exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/legacy";
    static final String CI_CLI = "aws-cli/2.17.50 md/awscrt#0.21.2 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 "
            + "lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 "
            + "md/prompt#off";
    static final String TERRAFORM = "APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) "
            + "terraform-provider-aws/5.68.0 (+https://registry.terraform.io/providers/hashicorp/aws) "
            + "aws-sdk-go-v2/1.30.5 os/linux lang/go#1.22.6 md/GOOS#linux md/GOARCH#amd64";

    /** CLIs and SDK scripts on people's laptops. */
    static final List<String> PEOPLE_CLI = List.of(
            "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off",
            "aws-cli/2.17.12 md/awscrt#0.20.11 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.9 "
                    + "md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off",
            "aws-cli/2.16.4 Python/3.11.8 Windows/10 exe/AMD64 prompt/off",
            "Boto3/1.34.100 md/Botocore#1.34.100 ua/2.0 os/macos#23.4.0 md/arch#arm64 lang/python#3.12.3 "
                    + "md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.100");

    static final List<String> BROWSERS = List.of(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/128.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.6 Safari/605.1.15");

    /** The attacker's tooling: an ordinary SDK, on an attack distribution. */
    static final String ATTACKER_SDK = "Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#6.5.0-kali3-amd64 "
            + "md/arch#x86_64 lang/python#3.11.6 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.57";
    static final String ATTACKER_BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0";
}
