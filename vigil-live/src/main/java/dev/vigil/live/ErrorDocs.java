package dev.vigil.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The document recorded when a call fails: {@code {"Error":{"Code":"AccessDenied","Message":"..."}}}, the same
 * shape as an offline export that failed, so checks say ERROR quoting the code instead of judging missing data.
 */
final class ErrorDocs {

    private ErrorDocs() {
    }

    static ObjectNode of(Throwable failure) {
        String code;
        String message;
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            code = orElse(details.errorCode(), "HTTP" + service.statusCode());
            message = orElse(details.errorMessage(), orElse(service.getMessage(), code));
        } else {
            code = failure.getClass().getSimpleName();
            message = orElse(failure.getMessage(), code);
        }
        return of(code, message);
    }

    static ObjectNode of(String code, String message) {
        ObjectNode error = CliJsonNodes.object();
        error.put("Code", code);
        error.put("Message", message);
        ObjectNode body = CliJsonNodes.object();
        body.set("Error", error);
        return body;
    }

    /** True when the body records a failed call. */
    static boolean isError(com.fasterxml.jackson.databind.JsonNode body) {
        return body.path("Error").isObject() && body.size() == 1;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
