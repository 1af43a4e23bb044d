package io.liaison.query;

/** Where a term of an expanded query came from. */
public enum Origin {
  /** The user's own word. */
  QUERY,
  /**
   * Taiwan's form of a mainland Chinese word (软件: 軟體), from the bundled list of regional
   * variants, for the user's word or a Chinese translation of it; searched only in pages written in
   * Traditional characters, since some are the mainland's words for other things.
   */
  VARIANT,
  /**
   * The mainland's form of a Taiwan word in a query written in Traditional characters (預設:
   * 默认, 檔案: 文件), from the same list read the other way; searched only in pages not written in
   * Traditional characters, since some mainland forms are ordinary Taiwan words with another sense
   * (程序, procedure; 文件, document).
   */
  MAINLAND,
  /**
   * Another way of writing an English translation that is a compound (metadata: meta data; hard
   * links: hardlinks), weighed as the translation it spells.
   */
  SPELLING,
  /** The bilingual dictionary compiled from ECDICT. */
  DICTIONARY,
  /**
   * The dictionary's translations of the parts of a Chinese word it does not list (系统调用号:
   * system call), weighed lower than a listed word's.
   */
  PARTS,
  /** The user's glossary. */
  GLOSSARY,
  /** An alias mined from an indexed document. */
  ALIAS,
  /**
   * The pinyin of a Chinese person's name that no dictionary knows (刘建超: liu jianchao), as
   * English text writes the mainland's names ({@link io.liaison.lexicon.PersonNames}); and the other
   * way, the characters the indexed documents write a name in pinyin with (Liu Jianchao: 刘建超,
   * {@link PinyinNames}).
   */
  PINYIN
}
