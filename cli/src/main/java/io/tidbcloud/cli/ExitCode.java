package io.tidbcloud.cli;

/** The process exit codes of ticloud, as ARCHITECTURE.md fixes them. */
public enum ExitCode {
    OK(0),
    ERROR(1),
    USAGE(2),
    NOT_SIGNED_IN(4),
    INTERRUPTED(130);

    private final int value;

    ExitCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
