// Page metadata: <title>, <meta> (Open Graph, article:*, Dublin Core, name=date/author),
// JSON-LD (datePublished, author, headline, publisher), microdata and RDFa date properties,
// hAtom <abbr class="published">, <time datetime>, the URL, and a date shown in an element
// whose class/id names a date, a byline or page meta.
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "html/html_internal.h"

namespace vigie::html::internal {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  return out;
}

std::string Collapse(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const char* Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

void TextOf(const GumboNode* n, std::string* out, int depth = 0) {
  if (depth > 64 || out->size() > 2000) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    out->append(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    TextOf(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
}

struct Facts {
  std::string html_lang, title_tag, h1, canonical;
  std::vector<std::pair<std::string, std::string>> metas;  // (lower name/property, content)
  std::vector<std::string> json_ld;
  std::string time_pub, time_first, itemprop_date, abbr_date, itemprop_author, rel_author;
  std::string hinted_date;  // first date written in an element whose class/id names a date
};

// Class/id fragments of the elements that show a page's date or byline (template
// identifiers, not visible words).
constexpr const char* kDateHints[] = {"date",   "datum",  "time", "publish",
                                      "posted", "byline", "meta", "info"};

bool HasDateHint(const GumboElement& el) {
  for (const char* attr : {"class", "id"}) {
    const char* v = Attr(el, attr);
    if (v == nullptr) continue;
    std::string low = Lower(v);
    for (const char* h : kDateHints)
      if (low.find(h) != std::string::npos) return true;
  }
  return false;
}

// schema.org / Dublin Core property names of a publication or creation date.
bool IsPublishedProperty(std::string_view p) {
  if (const size_t colon = p.rfind(':'); colon != std::string_view::npos)
    p.remove_prefix(colon + 1);
  return p == "datePublished" || p == "dateCreated" || p == "created" || p == "issued";
}

void Collect(const GumboNode* n, Facts* f, int depth, const MonthNames* months) {
  if (depth > 256 || n->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = n->v.element;
  switch (el.tag) {
    case GUMBO_TAG_HTML:
      if (const char* v = Attr(el, "lang")) f->html_lang = v;
      else if (const char* v2 = Attr(el, "xml:lang")) f->html_lang = v2;
      break;
    case GUMBO_TAG_TITLE:
      if (f->title_tag.empty()) TextOf(n, &f->title_tag);
      return;
    case GUMBO_TAG_H1:
      if (f->h1.empty()) TextOf(n, &f->h1);
      break;
    case GUMBO_TAG_META: {
      const char* key = Attr(el, "property");
      if (key == nullptr) key = Attr(el, "name");
      if (key == nullptr) key = Attr(el, "itemprop");
      if (key == nullptr) key = Attr(el, "http-equiv");
      const char* content = Attr(el, "content");
      if (key != nullptr && content != nullptr && f->metas.size() < 500)
        f->metas.emplace_back(Lower(key), content);
      break;
    }
    case GUMBO_TAG_LINK: {
      const char* rel = Attr(el, "rel");
      const char* href = Attr(el, "href");
      if (rel != nullptr && href != nullptr && Lower(rel) == "canonical" && f->canonical.empty())
        f->canonical = href;
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attr(el, "type");
      if (type != nullptr && Lower(type).find("ld+json") != std::string::npos &&
          f->json_ld.size() < 16) {
        std::string text;
        const GumboVector& kids = el.children;
        for (unsigned i = 0; i < kids.length; ++i) {
          auto* k = static_cast<const GumboNode*>(kids.data[i]);
          if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA || k->type == GUMBO_NODE_WHITESPACE)
            text += k->v.text.text;
        }
        f->json_ld.push_back(std::move(text));
      }
      return;
    }
    case GUMBO_TAG_TIME: {
      const char* dt = Attr(el, "datetime");
      if (dt != nullptr) {
        const char* ip = Attr(el, "itemprop");
        if (f->time_pub.empty() && (Attr(el, "pubdate") != nullptr ||
                                    (ip != nullptr && std::strstr(ip, "datePublished") != nullptr)))
          f->time_pub = dt;
        if (f->time_first.empty()) f->time_first = dt;
      }
      break;
    }
    default:
      break;
  }
  if (f->hinted_date.empty() && HasDateHint(el) && el.tag != GUMBO_TAG_SCRIPT &&
      el.tag != GUMBO_TAG_STYLE) {
    std::string t;
    TextOf(n, &t);
    if (t.size() <= 300) f->hinted_date = DateInText(t, months);
  }
  // schema.org microdata and RDFa on any element: itemprop="datePublished",
  // property="schema:dateCreated" content="…" (a <meta> is already in `metas`).
  if (f->itemprop_date.empty() && el.tag != GUMBO_TAG_META) {
    for (const char* attr : {"itemprop", "property"}) {
      const char* ip = Attr(el, attr);
      if (ip == nullptr || !IsPublishedProperty(ip)) continue;
      const char* v = Attr(el, "content");
      if (v == nullptr) v = Attr(el, "datetime");
      if (v != nullptr) f->itemprop_date = v;
      break;
    }
  }
  // hAtom: <abbr class="published" title="2017-07-23T17:06:45+0000">.
  if (el.tag == GUMBO_TAG_ABBR && f->abbr_date.empty()) {
    const char* cls = Attr(el, "class");
    const char* title = Attr(el, "title");
    if (cls != nullptr && title != nullptr && std::strstr(cls, "published") != nullptr)
      f->abbr_date = title;
  }
  if (const char* ip = Attr(el, "itemprop")) {
    if (std::strcmp(ip, "author") == 0 && f->itemprop_author.empty()) {
      std::string t;
      TextOf(n, &t);
      f->itemprop_author = Collapse(t);
    }
  }
  if (el.tag == GUMBO_TAG_A && f->rel_author.empty()) {
    const char* rel = Attr(el, "rel");
    if (rel != nullptr && Lower(rel) == "author") {
      std::string t;
      TextOf(n, &t);
      f->rel_author = Collapse(t);
    }
  }
  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i)
    Collect(static_cast<const GumboNode*>(kids.data[i]), f, depth + 1, months);
}

std::string NameOf(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  if (v.is_array()) {
    std::string all;
    for (const auto& x : v) {
      std::string n = NameOf(x);
      if (n.empty()) continue;
      if (!all.empty()) all += ", ";
      all += n;
    }
    return all;
  }
  return "";
}

// Walks JSON-LD objects (including @graph and arrays) for the article's fields.
// True for schema.org types of articles and posts ("NewsArticle", "BlogPosting", "Report").
bool IsArticleType(const nlohmann::json& j) {
  auto it = j.find("@type");
  if (it == j.end()) return false;
  auto is_article = [](const std::string& t) {
    return t.find("Article") != std::string::npos || t.find("Posting") != std::string::npos ||
           t == "Report" || t == "Review";
  };
  if (it->is_string()) return is_article(it->get<std::string>());
  if (it->is_array())
    for (const auto& t : *it)
      if (t.is_string() && is_article(t.get<std::string>())) return true;
  return false;
}

// With `articles_only`, dates are taken from article-typed objects only (a page's graph
// also dates its images, breadcrumbs and the web site itself).
void FromJsonLd(const nlohmann::json& j, PageMeta* m, std::string* headline, int depth,
                bool articles_only) {
  if (depth > 16) return;
  if (j.is_array()) {
    for (const auto& x : j) FromJsonLd(x, m, headline, depth + 1, articles_only);
    return;
  }
  if (!j.is_object()) return;
  if (auto it = j.find("datePublished"); it != j.end() && it->is_string() && m->date.empty() &&
      (!articles_only || IsArticleType(j))) {
    m->date = NormalizeDate(it->get<std::string>());
    if (!m->date.empty()) m->date_source = "json-ld";
  }
  if (auto it = j.find("author"); it != j.end() && m->author.empty()) m->author = NameOf(*it);
  if (auto it = j.find("headline"); it != j.end() && it->is_string() && headline->empty())
    *headline = it->get<std::string>();
  if (auto it = j.find("publisher"); it != j.end() && m->site_name.empty()) m->site_name = NameOf(*it);
  if (auto it = j.find("@graph"); it != j.end()) FromJsonLd(*it, m, headline, depth + 1, articles_only);
}

std::string MetaValue(const Facts& f, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    for (const auto& [name, content] : f.metas)
      if (name == k && !content.empty()) return content;
  return "";
}

}  // namespace

PageMeta ExtractMeta(const GumboNode* root, std::string_view url, const MonthNames* months) {
  Facts f;
  Collect(root, &f, 0, months);
  PageMeta m;
  std::string headline;
  for (const std::string& text : f.json_ld) {
    try {
      nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (!j.is_discarded()) {
        FromJsonLd(j, &m, &headline, 0, /*articles_only=*/true);
        FromJsonLd(j, &m, &headline, 0, /*articles_only=*/false);
      }
    } catch (const std::exception&) {
      // Malformed JSON-LD is ignored: other sources still give the metadata.
    }
  }
  auto try_date = [&](const std::string& v, const char* source) {
    if (!m.date.empty() || v.empty()) return;
    m.date = NormalizeDate(v);
    if (!m.date.empty()) m.date_source = source;
  };
  try_date(MetaValue(f, {"article:published_time",
                         "og:article:published_time",
                         "article.published",
                         "datepublished",
                         "publishdate",
                         "publish-date",
                         "publish_date",
                         "pubdate",
                         "parsely-pub-date",
                         "sailthru.date",
                         "dc.date.issued",
                         "dcterms.issued",
                         "dc.date",
                         "dcterms.date",
                         "date",
                         "og:published_time",
                         "article:published",
                         "publication_date",
                         "publication-date",
                         "date_published",
                         "release_date",
                         "citation_date",
                         "citation_publication_date",
                         "dc.date.created",
                         "dcterms.created",
                         "schema:datepublished",
                         "schema:datecreated",
                         "datecreated",
                         "og:pubdate",
                         "pub_date",
                         "published_time",
                         "published-date"}),
           "meta");
  try_date(f.itemprop_date, "meta");
  try_date(f.abbr_date, "meta");
  try_date(f.time_pub, "time");
  std::string url_date = DateFromUrl(url);
  try_date(url_date, "url");
  try_date(f.time_first, "time");
  if (m.date.empty() && !f.canonical.empty()) try_date(DateFromUrl(f.canonical), "url");
  try_date(f.hinted_date, "text");  // a date shown in a date/byline/meta element

  m.title = Collapse(MetaValue(f, {"og:title", "twitter:title", "dc.title"}));
  if (m.title.empty()) m.title = Collapse(headline);
  if (m.title.empty()) m.title = Collapse(f.h1);
  if (m.title.empty()) m.title = Collapse(f.title_tag);

  if (m.author.empty()) m.author = Collapse(MetaValue(f, {"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"}));
  if (m.author.empty()) m.author = f.itemprop_author;
  if (m.author.empty()) m.author = f.rel_author;
  if (m.author.starts_with("http://") || m.author.starts_with("https://")) m.author.clear();
  m.author = Collapse(m.author);

  std::string site = Collapse(MetaValue(f, {"og:site_name", "application-name"}));
  if (!site.empty()) m.site_name = site;
  m.site_name = Collapse(m.site_name);
  if (m.site_name.empty()) m.site_name = HostOf(url);
  if (m.site_name.empty()) m.site_name = HostOf(f.canonical);

  std::string lang = f.html_lang;
  if (lang.empty()) lang = MetaValue(f, {"content-language", "og:locale", "dc.language", "language"});
  lang = Lower(lang);
  size_t cut = lang.find_first_of("-_, ");
  if (cut != std::string::npos) lang.resize(cut);
  bool alpha = lang.size() >= 2 && lang.size() <= 3;
  for (char c : lang) alpha = alpha && c >= 'a' && c <= 'z';
  if (alpha) m.lang = lang;
  m.canonical_url = f.canonical;
  return m;
}

}  // namespace vigie::html::internal
