#pragma once
// Loads the SentencePiece shim module (see sentencepiece_shim.h) once per process and wraps its
// C functions. Looked for at the build tree's path, then beside the executable (., ../lib), then
// on the library search path.

#include "inference/result.h"
#include "inference/text/sentencepiece_shim.h"

#include <string>
#include <vector>

namespace mbq::text {

struct SentencePieceModule
{
    decltype(&mbqSpmLoad) load = nullptr;
    decltype(&mbqSpmFree) free = nullptr;
    decltype(&mbqSpmEncode) encode = nullptr;
    decltype(&mbqSpmPieceSize) pieceSize = nullptr;
    decltype(&mbqSpmEosId) eosId = nullptr;
    decltype(&mbqSpmPadId) padId = nullptr;
    decltype(&mbqSpmTrain) train = nullptr;

    // The loaded module, or why it could not be loaded (the paths tried and dlerror()).
    static Result<const SentencePieceModule *> instance();
};

// Trains a model on `lines` with SentencePieceTrainer arguments `args`; returns its bytes.
Result<std::string> trainSentencePiece(const std::string &args,
                                       const std::vector<std::string> &lines);

} // namespace mbq::text
