package org.faithbot.chatbot.web;

import org.springframework.http.MediaType;

/**
 * A static asset held in memory: its public (fingerprinted) name, media type, bytes, gzip-compressed
 * bytes and strong ETag.
 */
record Asset(String publicName, MediaType mediaType, byte[] raw, byte[] gzipped, String etag) {
}
