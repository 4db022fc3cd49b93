// Main-text extraction. One walk over the gumbo tree cuts the visible text into blocks
// (a block ends at every block-level element boundary) and records, for each element, the
// range of blocks under it. Each block is weighed by its length and link density; the
// article container is the element that maximises good text minus boilerplate text
// (a maximum-weight subtree), with class/id hints removing or favouring parts. The output
// is the container's blocks minus link-dense and hint-removed ones, plus clean lead
// sections just before it, minus text-poor sections after its main section and the short
// headings that introduce dropped furniture.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "html/html_internal.h"

namespace vigie::html::internal {

namespace {

constexpr int kMaxDepth = 256;

enum class Kind : uint8_t { kOther, kHeading, kPara, kItem, kQuote, kPre, kCell };

struct Block {
  std::string text;
  uint32_t link_bytes = 0;
  int owner = -1;  // innermost element open when the block ended
  Kind kind = Kind::kOther;
  bool is_h1 = false;
};

struct Elem {
  int parent = -1;
  int first_block = 0, end_block = 0;
  int8_t hint = 0;        // -1 boilerplate hint, +1 article hint
  bool block = false;     // block-level, a candidate container
  bool strong_neg = false;
  bool comments = false;  // user comments: removed even when rich in text
  bool removed = false;   // decided after the walk
};

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
bool IsDroppedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL: case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_MAP: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:  // image captions and credits
      return true;
    default:
      return false;
  }
}

Kind KindOf(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: return Kind::kHeading;
    case GUMBO_TAG_P: return Kind::kPara;
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: return Kind::kItem;
    case GUMBO_TAG_BLOCKQUOTE: return Kind::kQuote;
    case GUMBO_TAG_PRE: return Kind::kPre;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return Kind::kCell;
    default: return Kind::kOther;
  }
}

// Lower-cases ASCII letters of `in` into a fixed buffer-backed string.
void LowerInto(const char* in, std::string* out) {
  for (const char* p = in; *p != '\0' && out->size() < 400; ++p) {
    char c = *p;
    out->push_back((c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c);
  }
}

// Substrings of class/id values that mark page furniture. Structural English identifiers
// used by web templates everywhere, not visible words, so they live here, not in packs.
constexpr const char* kCommentNeg[] = {"comment", "disqus", "respond", "reply"};
constexpr const char* kStrongNeg[] = {
    "share", "sharing", "social", "related", "sidebar", "footer", "cookie",
    "consent", "gdpr", "breadcrumb", "newsletter", "subscri", "navbar", "navigation",
    "menu", "masthead", "pagination", "pager", "outbrain", "taboola", "disqus", "advert",
    "sponsor", "banner", "popup", "modal", "overlay", "recommend", "teaser-list", "toolbar",
    "skiplink", "skip-link", "login", "signup", "paywall", "promo", "widget", "byline",
    "dateline", "author", "copyright", "print", "rating", "tagcloud", "tag-cloud", "hidden",
    "dropdown", "tooltip", "post-meta", "entry-meta", "article-meta",
    "metadata", "submeta", "infobox", "carousel", "slider", "gallery", "most-read",
    "mostread", "trending", "further", "more-articles", "read-more", "readmore", "caption",
    "credit"};
// Whole tokens (class/id split on non-alphanumerics).
constexpr const char* kNegTokens[] = {"ad",   "ads",    "nav",   "tags",  "tag",   "date",
                                      "time", "meta",   "links", "share", "related", "noprint",
                                      "clearfix-ad", "aside", "keywords", "categories",
                                      "category", "credits", "source", "sources", "topics", "bio", "header", "kicker", "timestamp", "published", "updated", "posted"};
constexpr const char* kPos[] = {"article", "content", "entry", "post", "story", "main",
                                "text", "body", "blog", "news", "inhalt", "artikel"};

bool HasToken(const std::string& s, const char* tok) {
  size_t n = std::strlen(tok);
  size_t p = 0;
  while ((p = s.find(tok, p)) != std::string::npos) {
    bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(s[p - 1]));
    bool right = p + n == s.size() || !std::isalnum(static_cast<unsigned char>(s[p + n]));
    if (left && right) return true;
    p += n;
  }
  return false;
}

struct Walker {
  std::vector<Block> blocks;
  std::vector<Elem> elems;
  Block cur;
  std::vector<int> open;  // element stack
  std::string scratch;
  bool comments_hint = false;

  void Flush() {
    // Trim trailing space.
    while (!cur.text.empty() && cur.text.back() == ' ') cur.text.pop_back();
    if (!cur.text.empty()) {
      cur.owner = open.empty() ? -1 : open.back();
      blocks.push_back(std::move(cur));
    }
    const Kind kind = cur.kind;
    const bool h1 = cur.is_h1;
    cur = Block();
    cur.kind = kind;
    cur.is_h1 = h1;
  }

  void AddText(const char* s, bool in_link) {
    size_t before = cur.text.size();
    for (const char* p = s; *p != '\0'; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      // U+00A0 NO-BREAK SPACE counts as white space.
      if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) { space = true; ++p; }
      if (space) {
        if (!cur.text.empty() && cur.text.back() != ' ') cur.text.push_back(' ');
      } else {
        cur.text.push_back(static_cast<char>(c));
      }
    }
    if (in_link) cur.link_bytes += static_cast<uint32_t>(cur.text.size() - before);
  }

  // Returns -1 (boilerplate), +1 (article) or 0, and whether the negative hint is strong.
  int8_t Hint(const GumboElement& el, bool* strong) {
    scratch.clear();
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "class")) {
      LowerInto(a->value, &scratch);
      scratch.push_back(' ');
    }
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "id")) LowerInto(a->value, &scratch);
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "role")) {
      std::string role;
      LowerInto(a->value, &role);
      if (role == "navigation" || role == "banner" || role == "contentinfo" ||
          role == "complementary" || role == "menu" || role == "menubar" || role == "search" ||
          role == "dialog" || role == "alert" || role == "toolbar") {
        *strong = true;
        return -1;
      }
      if (role == "main" || role == "article") return 1;
    }
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "itemprop")) {
      if (std::strstr(a->value, "articleBody") != nullptr || std::strstr(a->value, "text") != nullptr)
        return 1;
    }
    if (scratch.empty()) return 0;
    for (const char* w : kCommentNeg) {
      size_t at = scratch.find(w);
      // "commentary" names an opinion article, not its comments.
      while (at != std::string::npos && scratch.compare(at, 10, "commentary") == 0)
        at = scratch.find(w, at + 1);
      if (at != std::string::npos) {
        *strong = true;
        comments_hint = true;
        return -1;
      }
    }
    for (const char* w : kStrongNeg)
      if (scratch.find(w) != std::string::npos) { *strong = true; return -1; }
    // An article word outweighs a weak boilerplate token ("post category-news tag-syria").
    for (const char* w : kPos)
      if (scratch.find(w) != std::string::npos) return 1;
    for (const char* w : kNegTokens)
      if (HasToken(scratch, w)) return -1;
    return 0;
  }

  static bool Hidden(const GumboElement& el) {
    if (gumbo_get_attribute(&el.attributes, "hidden") != nullptr) return true;
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "aria-hidden"))
      if (std::strcmp(a->value, "true") == 0) return true;
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "style")) {
      std::string st;
      LowerInto(a->value, &st);
      st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
      if (st.find("display:none") != std::string::npos ||
          st.find("visibility:hidden") != std::string::npos)
        return true;
    }
    return false;
  }

  void Visit(const GumboNode* node, int depth, bool in_link) {
    if (depth > kMaxDepth) return;
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        AddText(node->v.text.text, in_link);
        return;
      case GUMBO_NODE_WHITESPACE:
        if (!cur.text.empty() && cur.text.back() != ' ') cur.text.push_back(' ');
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;
    }
    const GumboElement& el = node->v.element;
    const GumboTag tag = el.tag;
    if (IsDroppedTag(tag) || Hidden(el)) return;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR) {
      if (!cur.text.empty() && cur.text.back() != ' ') cur.text.push_back(' ');
      return;
    }
    bool strong = false;
    comments_hint = false;
    int8_t hint = (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY) ? 0 : Hint(el, &strong);
    if (tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) hint = std::max<int8_t>(hint, 0) + 1;
    const bool block = IsBlockTag(tag) || hint != 0;
    const bool link = in_link || tag == GUMBO_TAG_A;
    if (block) Flush();
    int idx = static_cast<int>(elems.size());
    Elem e;
    e.parent = open.empty() ? -1 : open.back();
    e.first_block = static_cast<int>(blocks.size());
    e.hint = static_cast<int8_t>(std::clamp<int>(hint, -1, 1));
    e.block = block;
    e.strong_neg = strong;
    e.comments = comments_hint;
    elems.push_back(e);
    open.push_back(idx);
    Kind saved = cur.kind;
    if (block) cur.kind = KindOf(tag);
    const bool saved_h1 = cur.is_h1;
    if (block) cur.is_h1 = tag == GUMBO_TAG_H1;
    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i)
      Visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1, link);
    if (block) Flush();
    open.pop_back();
    elems[idx].end_block = static_cast<int>(blocks.size());
    if (block) { cur.kind = saved; cur.is_h1 = saved_h1; }
  }
};

// Text bytes of a block that do not sit inside links.
inline double Own(const Block& b) { return double(b.text.size() - b.link_bytes); }

bool LinkDense(const Block& b) {
  return b.link_bytes * 3 > b.text.size();  // over a third of the text in links
}

// Weights tuned on trafilatura's evaluation set (see `vigie eval boilerplate`).
constexpr double kShortBad = 0;   // short non-link text: neutral (headings, list items)
constexpr double kLinkBad = 1.0;  // link text: boilerplate
constexpr double kLongMin = 80;   // bytes of non-link text for a block to count as article text
constexpr double kParaMin = 60;   // same for <p>
constexpr double kPosBoost = 0.1;    // bonus for article hints (<article>, class "content", …)
constexpr int kDatelineBefore = 15;  // blocks before the container searched for a date
constexpr double kMinGood = 1;       // hinted parts with no article text always go
constexpr double kRichStrong = 8;    // good/bad ratio for a strongly hinted part to stay
constexpr double kRichWeak = 2;
constexpr double kRichMin = 300;       // and this much good text
constexpr double kWrapperShare = 0.6;  // a hinted part holding this share of the text stays
constexpr double kMainShare = 0.5;     // a child holding this share of its parent's text is the
constexpr int kMainDepth = 4;          // main section (looked for this many levels down);
constexpr double kAfterMainMin = 0.3;  // sections after it need this share of its text
constexpr double kLeadLinks = 1.0;  // a sibling before the container joins with bad <= this * good

// Per-page tables the post-container passes read.
struct Ranges {
  const std::vector<Block>& blocks;
  const std::vector<Elem>& elems;
  const std::vector<char>& removed_eff;
  const std::vector<char>& block_removed;
  const std::vector<double>& pg;  // prefix sums of good and bad text per block
  const std::vector<double>& pb;
  double Good(const Elem& e) const { return pg[e.end_block] - pg[e.first_block]; }
  double Bad(const Elem& e) const { return pb[e.end_block] - pb[e.first_block]; }
};

// Sections beside the container and before it that carry clean text (a lead or intro in
// its own box above the body) join the output.
void AddLeadSiblings(const Ranges& r, int best, std::vector<char>* keep) {
  const int parent = r.elems[best].parent;
  if (parent < 0) return;
  const int container_first = r.elems[best].first_block;
  for (size_t i = parent + 1; i < r.elems.size(); ++i) {
    const Elem& d = r.elems[i];
    if (d.first_block >= container_first) break;  // pre-order: the rest starts later
    if (d.parent != parent || r.removed_eff[i]) continue;
    const double g = r.Good(d);
    if (g <= 0 || r.Bad(d) > kLeadLinks * g) continue;
    for (int k = d.first_block; k < d.end_block; ++k)
      (*keep)[k] = !r.block_removed[k] && !LinkDense(r.blocks[k]);
  }
}

// Going down from the container through its main section (the child holding most of the
// text), sections that follow the main one with little text of their own are furniture:
// author boxes, newsletter and donation calls, disclaimers, teasers. Paragraph-level
// children (a closing <p>) are not judged here.
void TrimAfterMainSection(const Ranges& r, int best, std::vector<char>* keep) {
  int node = best;
  for (int depth = 0; depth < kMainDepth; ++depth) {
    const int node_end = r.elems[node].end_block;
    int main_child = -1;
    double main_good = 0;
    for (size_t i = node + 1; i < r.elems.size() && r.elems[i].first_block < node_end; ++i) {
      if (r.elems[i].parent != node) continue;
      const double g = r.Good(r.elems[i]);
      if (g > main_good) {
        main_good = g;
        main_child = static_cast<int>(i);
      }
    }
    if (main_child < 0 || main_good < kMainShare * r.Good(r.elems[node])) return;
    const int main_end = r.elems[main_child].end_block;
    for (size_t i = main_child + 1; i < r.elems.size() && r.elems[i].first_block < node_end; ++i) {
      const Elem& d = r.elems[i];
      if (d.parent != node || d.first_block < main_end || d.first_block >= d.end_block) continue;
      const Block& head = r.blocks[d.first_block];
      if (head.owner == static_cast<int>(i) && head.kind != Kind::kOther) continue;
      if (r.Good(d) < kAfterMainMin * main_good)
        for (int k = d.first_block; k < d.end_block; ++k) (*keep)[k] = 0;
    }
    node = main_child;
  }
}

}  // namespace

std::string ExtractMainText(const GumboNode* root, std::string* dateline,
                            const MonthNames* months) {
  if (dateline != nullptr) dateline->clear();
  Walker w;
  w.Visit(root, 0, false);
  w.Flush();
  std::vector<Block>& blocks = w.blocks;
  std::vector<Elem>& elems = w.elems;
  if (blocks.empty()) return "";

  // Good text: long-enough blocks with few links. Boilerplate: links and short snippets.
  const size_t nb = blocks.size();
  std::vector<double> good(nb), bad(nb);
  double total_good = 0;
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = blocks[i];
    double own = Own(b);
    bool long_enough = own >= kLongMin || (b.kind == Kind::kPara && own >= kParaMin);
    if (long_enough && !LinkDense(b) && b.link_bytes * 10 < b.text.size() * 4) {
      good[i] = own;
      bad[i] = kLinkBad * b.link_bytes;
    } else {
      good[i] = 0;
      bad[i] = kLinkBad * b.link_bytes + kShortBad * own;
    }
    total_good += good[i];
  }
  // Prefix sums for O(1) range totals.
  std::vector<double> pg(nb + 1, 0), pb(nb + 1, 0);
  for (size_t i = 0; i < nb; ++i) { pg[i + 1] = pg[i] + good[i]; pb[i + 1] = pb[i] + bad[i]; }

  // Hint-removed subtrees: negative hints, unless the element holds most of the page's text
  // (a wrapper with an unlucky name).
  for (Elem& e : elems) {
    if (e.hint >= 0) continue;
    double g = pg[e.end_block] - pg[e.first_block];
    double b = pb[e.end_block] - pb[e.first_block];
    if (total_good == 0 || g < kMinGood) {
      e.removed = true;
    } else if (g >= kWrapperShare * total_good) {
      e.removed = false;  // holds most of the page: a wrapper with an unlucky name
    } else if (e.comments) {
      e.removed = true;
    } else {
      // Text-rich parts stay despite their name ("section--ads", "widget-wrap").
      const bool rich = g >= (e.strong_neg ? kRichStrong : kRichWeak) * b && g >= kRichMin;
      e.removed = !rich;
    }
  }
  std::vector<char> removed_eff(elems.size(), 0);
  for (size_t i = 0; i < elems.size(); ++i) {
    int p = elems[i].parent;
    removed_eff[i] = elems[i].removed || (p >= 0 && removed_eff[p]);
  }
  std::vector<char> block_removed(nb, 0);
  for (size_t i = 0; i < nb; ++i) {
    int o = blocks[i].owner;
    block_removed[i] = o >= 0 && removed_eff[o];
    if (block_removed[i]) { good[i] = 0; bad[i] = 0; }
  }
  for (size_t i = 0; i < nb; ++i) { pg[i + 1] = pg[i] + good[i]; pb[i + 1] = pb[i] + bad[i]; }

  // The container: the block element maximising good - bad.
  int best = -1;
  double best_score = 0;
  for (size_t i = 0; i < elems.size(); ++i) {
    const Elem& e = elems[i];
    if (!e.block || removed_eff[i]) continue;
    double g = pg[e.end_block] - pg[e.first_block];
    double b = pb[e.end_block] - pb[e.first_block];
    double score = g - b;
    if (e.hint > 0) score += kPosBoost * g;
    if (best < 0 || score >= best_score) { best = static_cast<int>(i); best_score = score; }
  }
  int first = 0, end = static_cast<int>(nb);
  if (best >= 0) { first = elems[best].first_block; end = elems[best].end_block; }

  // Short blocks after the last good block are furniture (related links, ratings, "read
  // also" headings, bylines).
  int last_good = -1;
  for (int i = first; i < end; ++i)
    if (good[i] > 0) last_good = i;
  // ...except closing paragraphs that sit right after it in the same parent.
  int tail_end = last_good;
  if (last_good >= 0) {
    int parent = blocks[last_good].owner >= 0 ? elems[blocks[last_good].owner].parent : -1;
    for (int i = last_good + 1; i < end; ++i) {
      const Block& b = blocks[i];
      if (b.kind != Kind::kPara || b.owner < 0 || elems[b.owner].parent != parent || LinkDense(b)) break;
      tail_end = i;
    }
  }
  // The first date written just above the article or in it (bylines and datelines sit just
  // above or at the top of the container, "published on" lines at its end).
  if (dateline != nullptr) {
    const int from = std::max(0, first - kDatelineBefore);
    for (int i = from; i < end && dateline->empty(); ++i)
      if (blocks[i].text.size() <= 200) *dateline = DateInText(blocks[i].text, months);
  }
  std::vector<char> keep(nb, 0);
  for (int i = first; i < end; ++i)
    keep[i] = !(last_good >= 0 && i > tail_end) && !block_removed[i] && !LinkDense(blocks[i]);
  if (best >= 0) {
    const Ranges r{blocks, elems, removed_eff, block_removed, pg, pb};
    AddLeadSiblings(r, best, &keep);
    TrimAfterMainSection(r, best, &keep);
  }
  // Short headings and snippets that introduce dropped furniture ("Related articles" above
  // a link list, "Share this" above buttons), and short lines ending with a colon that
  // introduce it ("Read more:" above links).
  for (int i = first; i + 1 < end; ++i) {
    if (!keep[i] || good[i] > 0) continue;
    if (blocks[i].kind != Kind::kHeading && blocks[i].kind != Kind::kOther &&
        blocks[i].text.back() != ':')
      continue;
    if (!keep[i + 1] && !(last_good >= 0 && i + 1 > tail_end)) keep[i] = 0;
  }
  std::string out;
  for (size_t i = 0; i < nb; ++i) {
    if (!keep[i]) continue;
    if (!out.empty()) out += "\n\n";
    out += blocks[i].text;
  }
  return out;
}

}  // namespace vigie::html::internal
