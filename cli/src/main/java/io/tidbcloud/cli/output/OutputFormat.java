package io.tidbcloud.cli.output;

/** {@code -o human|json}. */
public enum OutputFormat { human, json }
