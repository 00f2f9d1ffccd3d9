package io.tidbcloud.contract.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the error body of ARCHITECTURE.md ("Cloud API", errors). */
class ApiErrorJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void errorBodyIsCodeMessageAndEmptyDetails() throws Exception {
        assertThat(json.writeValueAsString(ApiError.of(GrpcStatus.NOT_FOUND, "No such project")))
                .isEqualTo("{\"code\":5,\"message\":\"No such project\",\"details\":[]}");
    }

    @Test
    void errorBodyIsReadBackIgnoringUnknownMembers() throws Exception {
        assertThat(json.readValue("{\"code\":16,\"message\":\"m\",\"details\":[],\"extra\":true}", ApiError.class))
                .isEqualTo(new ApiError(16, "m", List.of()));
    }

    @Test
    void eachHttpStatusOfTheArchitectureHasItsGrpcCode() {
        assertThat(List.of(400, 401, 403, 404, 409, 429, 503))
                .map(GrpcStatus::forHttpStatus)
                .map(GrpcStatus::code)
                .containsExactly(3, 16, 7, 5, 6, 8, 14);
    }
}
