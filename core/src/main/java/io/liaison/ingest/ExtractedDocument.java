package io.liaison.ingest;

/**
 * A file's searchable content and metadata.
 *
 * @param id the path relative to the corpus root, with {@code /} separators
 * @param title the HTML, document or Markdown front matter title, or the first non-empty line of the text
 * @param body the visible text
 * @param language decided from the title and body
 * @param folder the id's parent folder ({@code ""} at the root)
 * @param size the file's size in bytes
 * @param modified the file's modification time, epoch milliseconds
 * @param hash hex SHA-256 of the file's bytes
 */
public record ExtractedDocument(
    String id,
    String title,
    String body,
    Language language,
    String folder,
    long size,
    long modified,
    String hash) {}
