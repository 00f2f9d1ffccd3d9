package io.tidbcloud.contract.revocation;

/**
 * Which tokens a revocation covers, as its subject identifier names them; resource servers key
 * their deny sets by it.
 */
public enum Covers {
    /** Every token of a user session ({@code sid}): a logout, an admin ending the session. */
    SESSION,
    /** One client's tokens in a session ({@code sid} and {@code azp}): an RFC 7009 refresh-token revocation. */
    SESSION_CLIENT,
    /** One access token ({@code jti}): an RFC 7009 access-token revocation. */
    TOKEN,
    /** Every token a user gave one client ({@code sub} and {@code azp}): a consent revoked. */
    SUBJECT_CLIENT,
    /** Every token of a user ({@code sub}): logged out everywhere, disabled, deleted. */
    SUBJECT,
    /** Every token issued to one client ({@code azp}), whoever it acted for: the application was deleted. */
    CLIENT;

    /**
     * What a subject identifier covers: the narrowest key it names (a token, else a session, else
     * a user), narrowed further to one client when it names an application; a complex subject
     * naming only an application covers that client's every token. Empty (null) when it names
     * none of them.
     */
    static Covers of(SubjectId subject) {
        if (subject == null) {
            return null;
        }
        if (SubjectId.JWT_ID.equals(subject.format())) {
            return subject.tokenId() == null ? null : TOKEN;
        }
        if (SubjectId.ISS_SUB.equals(subject.format())) {
            return subject.subject() == null ? null : SUBJECT;
        }
        if (!SubjectId.COMPLEX.equals(subject.format())) {
            return null;
        }
        boolean client = idOf(subject.application()) != null;
        if (idOf(subject.session()) != null) {
            return client ? SESSION_CLIENT : SESSION;
        }
        if (subject.user() != null && subject.user().subject() != null) {
            return client ? SUBJECT_CLIENT : SUBJECT;
        }
        return client && subject.user() == null ? CLIENT : null;
    }

    static String idOf(SubjectId opaque) {
        return opaque == null ? null : opaque.id();
    }
}
