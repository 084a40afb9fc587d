package se.kasam.platform.web;

import jakarta.ws.rs.core.EntityTag;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and an update must send it back in
 * If-Match, so two editors cannot silently overwrite each other.
 */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @throws ProblemException 428 without If-Match, 412 when it names another version */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "send the ETag you read in an If-Match header to update this resource");
        }
        String expected = etag(currentVersion).toString();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(expected) || tag.equals("W/" + expected)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "the resource is at version " + expected + ", not " + ifMatch.strip() + "; read it again");
    }
}
