#pragma once
// The official Wan prompt cleaning (wan/modules/tokenizers.py, clean='whitespace'):
//   basic_clean:      ftfy.fix_text, then html.unescape twice, then strip;
//   whitespace_clean: every whitespace run becomes one space, then strip.
// ftfy is a large heuristic library; we do the parts of fix_text that change well-formed
// prompts after SentencePiece's own NFKC normalisation: HTML entities (when the text has no
// '<'), ANSI terminal escapes, C1 controls read as Windows-1252, curly quotes straightened, and
// control characters removed. Mojibake repair is not attempted (text already broken by a wrong
// encoding may tokenize differently from the official pipeline).

#include <string>

namespace mbq::text {

// UTF-8 in, UTF-8 out.
std::string cleanPrompt(const std::string &utf8);

// Python's html.unescape: numeric references (with Python's replacements for invalid ones) and
// named entities. Named entities cover the Latin-1 set (also without ';', as HTML5 allows) and
// common punctuation; rarer HTML5 names are left as written.
std::u32string unescapeHtml(const std::u32string &text);

} // namespace mbq::text
