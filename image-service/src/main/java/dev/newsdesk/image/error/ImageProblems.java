package dev.newsdesk.image.error;

import dev.newsdesk.http.ProblemException;

/**
 * The problems only image-service has: refused origins and signatures, unusable sources and
 * origins that fail. Each keeps a stable slug of its own (also the metrics tag of refusals and
 * origin errors); the problem document and its mapping are the shared ones.
 */
public final class ImageProblems {

    private ImageProblems() {}

    /** 403: the request is well-formed but refused (bad signature, origin not allowed, private address). */
    public static ProblemException refused(String slug, String detail) {
        return new ProblemException(403, slug, detail);
    }

    /** 422: the source was fetched but cannot be used (not an image, too large, too many pixels). */
    public static ProblemException unusableSource(String slug, String detail) {
        return new ProblemException(422, slug, "Unusable source image", detail, null);
    }

    /** 502: the origin could not be reached or answered with an error other than 404. */
    public static ProblemException badGateway(String slug, String detail) {
        return new ProblemException(502, slug, detail);
    }

    /** 504: the origin did not answer in time. */
    public static ProblemException gatewayTimeout(String detail) {
        return new ProblemException(504, "origin-timeout", detail);
    }
}
