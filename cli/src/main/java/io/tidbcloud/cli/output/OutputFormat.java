package io.tidbcloud.cli.output;

/** {@code -o human|json}. */
public enum OutputFormat {
    human,
    json;

    /** Whether the API's objects are printed as JSON rather than as a table or fields. */
    public boolean isJson() {
        return this == json;
    }
}
