package io.tidbcloud.testsupport.hostile;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One hostile way of presenting a token to a Bearer endpoint, and what the endpoint must answer.
 *
 * @param name what the case is, for the test's name and the report
 * @param present adds the case's {@code Authorization} header(s) to a request
 * @param expected the answer it must get
 */
public record BadToken(String name, UnaryOperator<RawRequest> present, Expected expected) {

    /** What a Bearer endpoint answers to a {@link BadToken}. */
    public enum Expected {
        /** 401 with RFC 6750 section 3.1's bare {@code Bearer} challenge: no token was presented. */
        BARE_CHALLENGE,
        /** 401 {@code Bearer error="invalid_token"} with the error body, code 16. */
        INVALID_TOKEN,
        /** 403 code 7: a valid token of this realm that the service's own rule refuses (auth-service: not the portal's). */
        FORBIDDEN,
        /** The token is taken: neither 401 nor 5xx (the endpoint's own answer to the request). */
        ACCEPTED,
        /** 400 {@code invalid_request} or 401 {@code invalid_token}, never served with either token. */
        REFUSED,
        /** A clear 4xx status (431 for headers too large), never 5xx and never a dropped connection. */
        CLEAR_CLIENT_ERROR;

        /** What is wrong with {@code answer} for this expectation; empty when it is right. */
        public Optional<String> problemWith(Answer answer) {
            return switch (this) {
                case BARE_CHALLENGE -> answer.bareChallengeProblem();
                case INVALID_TOKEN -> answer.invalidTokenProblem();
                case FORBIDDEN ->
                    answer.status() == 403
                            ? answer.errorBodyProblem(7)
                            : Optional.of("status " + answer.status() + " instead of 403: " + answer.shown());
                case ACCEPTED ->
                    answer.status() == 401 || answer.status() >= 500 || answer.status() == 0
                            ? Optional.of("a valid token refused or failed: " + answer.shown())
                            : Optional.empty();
                case REFUSED -> {
                    if (answer.status() == 401) {
                        yield answer.invalidTokenProblem();
                    }
                    if (answer.status() == 400) {
                        String challenge = answer.header("WWW-Authenticate").orElse("");
                        yield challenge.contains("error=\"invalid_request\"")
                                ? answer.errorBodyProblem(3)
                                : Optional.of("400 without Bearer error=\"invalid_request\": " + answer.shown());
                    }
                    yield Optional.of("status " + answer.status() + " instead of 400 or 401: " + answer.shown());
                }
                case CLEAR_CLIENT_ERROR ->
                    answer.status() >= 400 && answer.status() < 500
                            ? Optional.empty()
                            : Optional.of("status " + answer.status() + " instead of a 4xx: " + answer.shown());
            };
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
