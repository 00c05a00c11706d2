package dev.newsdesk.image.fetch;

/** The bytes an origin answered with, and the URL they finally came from (after redirects). */
public record SourceImage(byte[] bytes, String contentType, String finalUrl) {}
