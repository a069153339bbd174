#include "inference/text/prompt_clean.h"

#include "inference/text/utf8.h"

#include <array>
#include <cstring>
#include <map>

namespace mbq::text {

namespace {

// Windows-1252 for bytes 0x80..0x9F; 0 where it leaves the byte undefined.
constexpr std::array<char32_t, 32> kWindows1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// HTML names of U+00A0..U+00FF, which HTML5 also accepts without the ';'.
constexpr std::array<const char *, 96> kLatin1Names{
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
    "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",
    "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",  "para",   "middot",
    "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",
    "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
    "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct Entities
{
    std::map<std::u32string, char32_t> withSemicolon; // names written without the ';'
    std::map<std::u32string, char32_t> legacy;        // also valid without ';'
};

const Entities &entities()
{
    static const Entities table = [] {
        Entities e;
        const auto add = [&](const char *name, char32_t cp, bool legacy) {
            const std::u32string key(name, name + std::strlen(name));
            e.withSemicolon[key] = cp;
            if (legacy)
                e.legacy[key] = cp;
        };
        for (size_t i = 0; i < kLatin1Names.size(); ++i)
            add(kLatin1Names[i], char32_t(0xA0 + i), true);
        for (const char *name : {"amp", "AMP"})
            add(name, '&', true);
        for (const char *name : {"lt", "LT"})
            add(name, '<', true);
        for (const char *name : {"gt", "GT"})
            add(name, '>', true);
        for (const char *name : {"quot", "QUOT"})
            add(name, '"', true);
        add("COPY", 0xA9, true);
        add("REG", 0xAE, true);
        const std::pair<const char *, char32_t> punctuation[] = {
            {"apos", '\''},     {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009},
            {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
            {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
            {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},   {"hellip", 0x2026},
            {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
            {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
            {"rarr", 0x2192},   {"hearts", 0x2665}, {"star", 0x2606},   {"nbsp", 0xA0}};
        for (const auto &[name, cp] : punctuation)
            add(name, cp, false);
        return e;
    }();
    return table;
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char32_t c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Python's html._invalid_codepoints: references to these expand to nothing.
bool isInvalidCodepoint(uint64_t cp)
{
    return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F)
           || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF)
           || (cp & 0xFFFE) == 0xFFFE;
}

// One numeric reference's expansion, following html.unescape.
std::u32string numericReference(uint64_t cp)
{
    if (cp == 0)
        return U"\uFFFD";
    if (cp == 0x0D)
        return U"\r";
    if (cp >= 0x80 && cp <= 0x9F)
        return std::u32string(1, kWindows1252High[cp - 0x80] ? kWindows1252High[cp - 0x80]
                                                              : char32_t(cp));
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return U"\uFFFD";
    if (isInvalidCodepoint(cp))
        return {};
    return std::u32string(1, char32_t(cp));
}

// Expands the reference starting at text[at] == '&'; returns false when there is none there.
// `semicolonOnly` is ftfy's variant, which needs the ';'.
bool expandReference(const std::u32string &text, size_t at, bool semicolonOnly,
                     std::u32string *out, size_t *consumed)
{
    size_t i = at + 1;
    if (i < text.size() && text[i] == '#') {
        const bool hex = i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X');
        size_t j = i + (hex ? 2 : 1);
        uint64_t value = 0;
        const size_t digitsBegin = j;
        while (j < text.size() && (hex ? isHexDigit(text[j]) : isDigit(text[j]))) {
            const char32_t c = text[j];
            const uint64_t digit = isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            // Saturate: anything past U+10FFFF maps to U+FFFD anyway.
            value = value > 0x10FFFFull ? value : value * (hex ? 16 : 10) + digit;
            ++j;
        }
        if (j == digitsBegin)
            return false;
        const bool semicolon = j < text.size() && text[j] == ';';
        if (semicolonOnly && !semicolon)
            return false;
        *out = numericReference(value);
        *consumed = j + (semicolon ? 1 : 0) - at;
        return true;
    }
    // A name: up to 32 characters other than tab, newline, form feed, space, '<', '&', '#', ';'.
    size_t j = i;
    while (j < text.size() && j - i < 32) {
        const char32_t c = text[j];
        if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#'
            || c == ';')
            break;
        ++j;
    }
    if (j == i)
        return false;
    const std::u32string name = text.substr(i, j - i);
    const Entities &table = entities();
    if (j < text.size() && text[j] == ';') {
        const auto found = table.withSemicolon.find(name);
        if (found != table.withSemicolon.end()) {
            *out = std::u32string(1, found->second);
            *consumed = j + 1 - at;
            return true;
        }
    }
    if (semicolonOnly)
        return false;
    // Longest legacy name that prefixes the run; the rest stays as text.
    for (size_t length = name.size(); length >= 2; --length) {
        const auto found = table.legacy.find(name.substr(0, length));
        if (found != table.legacy.end()) {
            *out = std::u32string(1, found->second);
            *consumed = 1 + length;
            return true;
        }
    }
    return false;
}

std::u32string unescape(const std::u32string &text, bool semicolonOnly)
{
    std::u32string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        std::u32string expansion;
        size_t consumed = 0;
        if (text[i] == '&' && expandReference(text, i, semicolonOnly, &expansion, &consumed)) {
            out += expansion;
            i += consumed;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

// ANSI escapes: ESC '[' then digits and ';' then one letter.
std::u32string removeTerminalEscapes(const std::u32string &text)
{
    std::u32string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == 0x1B && i + 1 < text.size() && text[i + 1] == '[') {
            size_t j = i + 2;
            while (j < text.size() && (isDigit(text[j]) || text[j] == ';'))
                ++j;
            const char32_t c = j < text.size() ? text[j] : 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                i = j;
                continue;
            }
        }
        out.push_back(text[i]);
    }
    return out;
}

// ftfy's control characters: C0 controls other than tab, newline, form feed and carriage
// return, DEL, deprecated format characters, the BOM, interlinear annotations, musical
// formatting characters and language tags.
bool isRemovedControl(char32_t c)
{
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F
           || (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC)
           || (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE007F);
}

std::u32string fixText(const std::u32string &input)
{
    std::u32string text = input;
    if (text.find(U'<') == std::u32string::npos)
        text = unescape(text, true);
    text = removeTerminalEscapes(text);
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c >= 0x80 && c <= 0x9F && kWindows1252High[c - 0x80])
            c = kWindows1252High[c - 0x80];
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B))
            c = '\'';
        else if (c >= 0x201C && c <= 0x201F)
            c = '"';
        if (!isRemovedControl(c))
            out.push_back(c);
    }
    return out;
}

// Unicode White_Space, which `\s` of Python's regex module matches.
bool isWhitespace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
           || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
           || c == 0x205F || c == 0x3000;
}

std::u32string collapseWhitespace(const std::u32string &text)
{
    std::u32string out;
    bool pendingSpace = false;
    for (char32_t c : text) {
        if (isWhitespace(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty())
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(c);
    }
    return out;
}

} // namespace

std::u32string unescapeHtml(const std::u32string &text)
{
    return unescape(text, false);
}

std::string cleanPrompt(const std::string &utf8)
{
    std::u32string text = fixText(decodeUtf8(utf8));
    text = unescapeHtml(unescapeHtml(text));
    // basic_clean's strip() is subsumed: collapsing drops leading and trailing runs.
    return encodeUtf8(collapseWhitespace(text));
}

} // namespace mbq::text
