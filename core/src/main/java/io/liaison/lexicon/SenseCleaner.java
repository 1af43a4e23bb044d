package io.liaison.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one ECDICT {@code translation} field into clean Simplified Chinese search targets, in
 * dictionary order, each with a confidence factor.
 */
final class SenseCleaner {
  static final int MAX_HAN = 8;

  /**
   * A cleaned target and how much its sense line is trusted (before rank weighting). {@code
   * domainSlot} is its place in a subject line ({@code [计] 终端; 终端设备}: 0 and 1), or -1 on a
   * general line. {@code forwardOnly} marks a sense that translates the English word but is no
   * English for the Chinese one ({@link #withoutEllipsis}): it is not inverted.
   */
  record Candidate(String text, float factor, boolean web, int domainSlot, boolean forwardOnly) {
    Candidate(String text, float factor, boolean web, int domainSlot) {
      this(text, factor, web, domainSlot, false);
    }
  }

  /** An adverb's part-of-speech label ({@code adv.}, ECDICT's usual one, or {@code ad.}). */
  private static final Pattern ADVERB = Pattern.compile("(?i)\\badv?\\.");
  private static final Pattern POS = Pattern.compile("^(?:[a-zA-Z]{1,6}\\.\\s*(?:&\\s*)?)+");
  private static final Pattern LEADING_TAG = Pattern.compile("^[\\[【]([^\\]】]{1,12})[\\]】]\\s*");
  // Notes inside a sense: (...) （...） [...] 〔...〕 【...】 <...>; removed before splitting so
  // that their commas do not split the sense.
  private static final Pattern NOTES =
      Pattern.compile("\\([^()]*\\)|（[^（）]*）|\\[[^\\[\\]]*\\]|〔[^〔〕]*〕|【[^【】]*】|<[^<>]*>|＜[^＜＞]*＞");
  private static final Pattern SPLIT = Pattern.compile("[,，;；、|]");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
  /** An ellipsis at a sense's start or end, where the phrase's object goes: 为了…, ...左右. */
  private static final Pattern END_ELLIPSIS = Pattern.compile("^(?:…+|\\.{2,}|。{2,})|(?:…+|\\.{2,}|。{2,})$");
  private static final Pattern QUOTES = Pattern.compile("[“”‘’\"'《》「」『』\\s]");
  /** ECDICT's label for a line of personal names (not 人名录, a list of names). */
  private static final String NAMES = "人名";
  private static final Pattern NAMES_LABEL = Pattern.compile("(?<!\\p{IsHan})" + NAMES + "(?!\\p{IsHan})");

  private SenseCleaner() {}

  /**
   * The targets of one row's {@code translation}; its lines without a part-of-speech label are an
   * adverb's when {@code lyAdverb} (an English word ending in -ly: ECDICT's subject lines, such as
   * concurrently's {@code [计] 并行地}, carry no label). A {@code phrase} (a row of two words or
   * more) keeps its senses written with an ellipsis ({@link #withoutEllipsis}); a single word's are
   * a preposition's frame (versus: 对..., thereof: 关于...), a Chinese function word that matches
   * every page, first where it was ECDICT's first line: they stay refused.
   */
  static List<Candidate> clean(String translation, boolean lyAdverb, boolean phrase) {
    String[] lines = translation.split("\\\\n|\n");
    boolean anyCurated = false;
    List<Candidate> out = new ArrayList<>();
    List<Candidate> web = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      // A line of names: ECDICT's "(Nez)人名；(法)内；(西)内斯" or "[人名] [英格兰人姓氏] 史密斯". Its
      // transliterations stay (Smith: 史密斯), but not the label itself, nor a surname spelt with one
      // character (法: 内), which is a sound, not what the character means: inverted, it made nez
      // the first English for 内.
      boolean names = NAMES_LABEL.matcher(line).find();
      float factor = 1f;
      boolean isWeb = false;
      boolean abbreviation = false;
      boolean adverb = false;
      boolean labelled = false;
      boolean domain = false;
      // Prefixes alternate freely: "vt. [经] ...", "[计] n. ...".
      for (boolean changed = true; changed; ) {
        changed = false;
        Matcher pos = POS.matcher(line);
        if (pos.find() && pos.end() > 0) {
          if (pos.group().toLowerCase().startsWith("abbr")) {
            abbreviation = true;
          }
          adverb |= ADVERB.matcher(pos.group()).find();
          labelled = true;
          line = line.substring(pos.end()).strip();
          changed = true;
        }
        Matcher tag = LEADING_TAG.matcher(line);
        if (tag.find()) {
          factor *= domainFactor(tag.group(1));
          isWeb |= tag.group(1).equals("网络");
          domain |= !tag.group(1).equals("网络");
          line = line.substring(tag.end()).strip();
          changed = true;
        }
      }
      // Abbreviation lines spell out an English expansion; their Chinese is a proper-name gloss.
      if (abbreviation || line.isEmpty()) {
        continue;
      }
      int slot = 0;
      String previous;
      do {
        previous = line;
        line = NOTES.matcher(line).replaceAll("");
      } while (!line.equals(previous));
      for (String piece : pieces(line)) {
        String text = withoutEllipsis(piece);
        boolean forwardOnly = !text.equals(piece);
        if (forwardOnly && (!phrase || isWeb) || !isHanWord(text)) {
          continue;
        }
        if (names && (text.equals(NAMES) || text.codePointCount(0, text.length()) == 1)) {
          continue;
        }
        boolean adverbial = adverb || lyAdverb && !labelled;
        List<Candidate> into = isWeb ? web : out;
        // A frame takes no subject slot: the senses after it keep theirs.
        addWithVariants(into, adverbial ? withoutAdverbialDi(text) : text, factor, isWeb,
            domain && !forwardOnly ? slot++ : -1, forwardOnly);
        anyCurated |= !isWeb && !forwardOnly;
      }
    }
    // Web-sourced senses ([网络]) are noisy; use them only when nothing curated is left. A phrase's
    // frames, in their places among the curated senses, are not counted in that, and change
    // nothing of the rest (LexiconCompiler inverts the rest alone).
    if (anyCurated) {
      return out;
    }
    List<Candidate> chosen = new ArrayList<>(web);
    chosen.addAll(out); // the frames alone
    return chosen;
  }

  /**
   * The senses of one line, without quotes or spaces: split at its separators, and at a slash as
   * {@link #alternatives} says.
   */
  private static List<String> pieces(String line) {
    List<String> out = new ArrayList<>();
    for (String segment : SPLIT.split(line)) {
      out.addAll(alternatives(QUOTES.matcher(segment).replaceAll("")));
    }
    return out;
  }

  /**
   * A slash inside a sense offers a choice of one part, not two senses: 根据/按照定义 (by
   * definition) is 根据定义 and 按照定义, 取得进步/展 (make progress) is 取得进步 and 取得进展. Split
   * whole, they gave 根据 and 展 as those phrases' senses, and inverted, 固化的基本输入/输出系统 made
   * "ROM BIOS" a translation of 输出系统. When one side of a single slash is at least two
   * characters shorter, it stands for as many characters at the other side's slash end, and the
   * rest of that side is shared. Sides of about the same length (财宝箱/藏宝箱, 不安/焦虑的) and lists
   * of three or more are alternatives whole, as before. Only the script of the sides is checked
   * here; what may be a sense (its length, a lone 的) is {@link #isHanWord}'s test on the results.
   *
   * <p>A lone character at each side is no choice: it is a rate (mph: 哩/时, g/l: 克/升, WPM: 字/分)
   * or a pair the English word names together (R/W: 读/写, s/he: 她/他, right/left: 右/左). Split,
   * it made mph an English word for 时 (when, in every Chinese question about time), weighed above
   * o'clock; kept whole, the slash makes it no sense at all.
   */
  static List<String> alternatives(String segment) {
    String[] parts = segment.split("/", -1);
    if (parts.length != 2
        || !HAN.matcher(parts[0]).matches()
        || !HAN.matcher(parts[1]).matches()) {
      return List.of(parts);
    }
    String left = parts[0];
    String right = parts[1];
    int l = left.codePointCount(0, left.length());
    int r = right.codePointCount(0, right.length());
    if (l == 1 && r == 1) {
      return List.of(segment);
    }
    if (Math.abs(l - r) < 2) {
      return List.of(left, right);
    }
    if (l < r) {
      // 根据/按照定义: the right side's first l characters are the choice, its rest is shared.
      int cut = right.offsetByCodePoints(0, l);
      return List.of(left + right.substring(cut), right);
    }
    // 异步输入/输出: the left side's last r characters are the choice, its start is shared.
    int cut = left.offsetByCodePoints(0, l - r);
    return List.of(left, left.substring(0, cut) + right);
  }

  /** The trust in a subject line of the fields people search most ([计] computing, [经] economics). */
  static final float SUBJECT_FACTOR = 0.8f;

  private static float domainFactor(String tag) {
    return switch (tag) {
      case "网络" -> 0.25f;
      case "经", "法", "贸易", "计", "政", "经济" -> SUBJECT_FACTOR;
      default -> 0.15f; // specialist senses ([医] 包埋料 for investment) rarely match news text
    };
  }

  /**
   * An adverb's sense without the particle 地 that makes a Chinese word an adverb: automatically
   * (adv. 自动地, 机械地) is 自动 and 机械, properly 适当, carefully 小心. Over half of ECDICT's
   * adverb senses end so, and the analyser cuts 地 off as a word of its own (自动|地), so the sense
   * was searched as a phrase that only the adverb's own spelling matches, while Chinese writes 自动
   * as often without 地 (自动安装, 自动地安装). As with 的, the stem keeps at least two characters
   * (特地, specially, is one word), and a place (locally: 在当地, at the place) keeps its 地.
   */
  static String withoutAdverbialDi(String text) {
    return text.codePointCount(0, text.length()) >= 3 && text.endsWith("地") && !text.startsWith("在")
        ? text.substring(0, text.length() - 1)
        : text;
  }

  /**
   * A sense without the ellipsis ECDICT writes where a phrase's object goes: in order to is 为了…,
   * a series of 一系列..., a matter of ...左右. Refused whole (the ellipsis is no Han character),
   * 2 363 entries lost 3 060 senses, most of them the one sense of a phrase with a function word
   * at its end, so the query "in order to boot" searched order. The sense is kept for the English
   * phrase only ({@link Candidate#forwardOnly}): inverted, 为了 gained "in order to", which the
   * analyser makes order, and Chinese searches lost (LEXICON-SWEEP.md, sessions 76 and 77). An
   * ellipsis inside a sense (一…就…, as soon as) leaves a frame, not a word: it stays refused. A
   * 的 after a leading ellipsis joined the object to what follows (...的大杂烩): it goes with it.
   */
  static String withoutEllipsis(String piece) {
    String text = END_ELLIPSIS.matcher(piece).replaceAll("");
    boolean leading = !text.isEmpty() && !piece.startsWith(text);
    return leading && text.startsWith("的") && text.codePointCount(0, text.length()) > 2 ? text.substring(1) : text;
  }

  /** 经济上的 gives 经济 and 经济上; the adjectival 的 form itself is dropped. */
  private static void addWithVariants(List<Candidate> out, String text, float factor, boolean web, int domainSlot,
      boolean forwardOnly) {
    int han = text.codePointCount(0, text.length());
    if (han >= 3 && text.endsWith("的")) {
      String stem = text.substring(0, text.length() - 1);
      if (stem.length() >= 3 && stem.endsWith("上")) {
        out.add(new Candidate(stem.substring(0, stem.length() - 1), factor, web, domainSlot, forwardOnly));
        out.add(new Candidate(stem, factor * 0.5f, web, domainSlot, forwardOnly));
      } else {
        out.add(new Candidate(stem, factor, web, domainSlot, forwardOnly));
      }
      return;
    }
    if (han == 1) {
      factor *= 0.6f; // a lone character matches far too much Chinese text
    }
    out.add(new Candidate(text, factor, web, domainSlot, forwardOnly));
  }

  static boolean isHanWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int han = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        han++;
      } else if (cp != '·') {
        return false;
      }
    }
    return han > 0 && han <= MAX_HAN && !s.equals("的");
  }
}
