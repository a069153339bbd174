#pragma once
// C interface of the SentencePiece shim module (sentencepiece_shim.cpp, built as its own shared
// module). Debian's libsentencepiece bundles and exports a protobuf 3.14 runtime, while LibTorch
// loads the system protobuf; in one global symbol namespace the two crash at start-up. So
// mbq_inference never links SentencePiece: it loads this shim with dlopen(RTLD_LOCAL |
// RTLD_DEEPBIND), which keeps SentencePiece and its protobuf to themselves, and talks to it
// through these plain C functions.

#include <cstddef>

extern "C" {

// Receives one array of ids (encode) or the bytes of a trained model (train).
typedef void (*MbqSpmIntSink)(void *context, const int *values, size_t count);
typedef void (*MbqSpmByteSink)(void *context, const char *bytes, size_t size);

// Returns a handle, or null with a message in `error` (NUL-terminated, truncated to errorSize).
void *mbqSpmLoad(const char *modelPath, char *error, size_t errorSize);
void mbqSpmFree(void *handle);
// 0 on success.
int mbqSpmEncode(void *handle, const char *text, size_t size, MbqSpmIntSink sink, void *context,
                 char *error, size_t errorSize);
int mbqSpmPieceSize(void *handle);
int mbqSpmEosId(void *handle);
int mbqSpmPadId(void *handle);
// Trains on `count` lines with SentencePieceTrainer's `args`; the model goes to `sink`.
int mbqSpmTrain(const char *args, const char *const *lines, size_t count, MbqSpmByteSink sink,
                void *context, char *error, size_t errorSize);
}
