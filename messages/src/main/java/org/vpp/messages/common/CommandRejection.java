package org.vpp.messages.common;

/**
 * Why a command was refused: the input field at fault (dotted path from the command's root, e.g.
 * {@code limits.minPowerMw}), a machine-readable code and a sentence for people. A refused command changes nothing.
 */
public record CommandRejection(String field, RejectionCode code, String message) {

    public CommandRejection {
        if (field == null || field.isBlank()) throw new IllegalArgumentException("field must name the input at fault");
        if (code == null) throw new IllegalArgumentException("code is required");
        if (message == null || message.isBlank()) throw new IllegalArgumentException("message is required");
    }

    public static CommandRejection of(String field, RejectionCode code, String message) {
        return new CommandRejection(field, code, message);
    }

    /** The same rejection with its field placed under {@code prefix}, e.g. {@code input.} for the API. */
    public CommandRejection under(String prefix) {
        return new CommandRejection(prefix + field, code, message);
    }
}
