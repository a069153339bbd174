#pragma once
// A tiny CLIP BPE merges file for tests and tiny models: the real file's format and a handful
// of merges over a few English words, so the byte symbols, partial merges and whole-word
// merges all occur. Torch-free.

#include "inference/result.h"

#include <string>

namespace mbq::text {

// The file's text (header line plus merges).
std::string tinyClipVocabText();
// Writes it to `path`; returns the vocabulary size (512 + merges + 2).
Result<int64_t> writeTinyClipVocab(const std::string &path);

} // namespace mbq::text
