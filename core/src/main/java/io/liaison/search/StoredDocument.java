package io.liaison.search;

import java.util.List;

/**
 * An indexed document in full.
 *
 * @param id its id (path in the corpus)
 * @param title its title
 * @param body its full text
 * @param lang its language code
 * @param folder its folder
 * @param size file size in bytes
 * @param modified modification time, epoch milliseconds
 * @param hash hex SHA-256 of the file
 * @param aliases aliases mined from it, each {@code left<TAB>right}
 */
public record StoredDocument(
    String id, String title, String body, String lang, String folder, long size, long modified, String hash,
    List<String> aliases) {}
