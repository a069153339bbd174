#include "inference/text/sentencepiece_module.h"

#include <dlfcn.h>

#include <filesystem>

namespace mbq::text {

namespace {

Result<SentencePieceModule> loadModule()
{
    std::vector<std::string> candidates{MBQ_SENTENCEPIECE_MODULE};
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        candidates.push_back((exe.parent_path() / MBQ_SENTENCEPIECE_MODULE_NAME).string());
        candidates.push_back(
            (exe.parent_path().parent_path() / "lib" / MBQ_SENTENCEPIECE_MODULE_NAME).string());
    }
    candidates.push_back(MBQ_SENTENCEPIECE_MODULE_NAME);
    std::string tried;
    for (const std::string &path : candidates) {
        // Private binding: SentencePiece resolves its own bundled protobuf first and exposes
        // nothing to the process.
        void *library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
        if (!library) {
            const char *why = dlerror();
            tried += "\n  " + path + ": " + (why ? why : "not loadable");
            continue;
        }
        SentencePieceModule module;
        bool complete = true;
        const auto bind = [&](auto &function, const char *name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(
                dlsym(library, name));
            complete = complete && function;
        };
        bind(module.load, "mbqSpmLoad");
        bind(module.free, "mbqSpmFree");
        bind(module.encode, "mbqSpmEncode");
        bind(module.pieceSize, "mbqSpmPieceSize");
        bind(module.eosId, "mbqSpmEosId");
        bind(module.padId, "mbqSpmPadId");
        bind(module.train, "mbqSpmTrain");
        if (complete)
            return module;
        tried += "\n  " + path + ": lacks the mbqSpm functions";
        dlclose(library);
    }
    return makeError(ErrorCode::NotFound,
                     "cannot load the SentencePiece module (install libsentencepiece0 and keep "
                     "libmbq_sentencepiece.so beside the program)",
                     "tried:" + tried);
}

} // namespace

Result<const SentencePieceModule *> SentencePieceModule::instance()
{
    // Loaded once; the library stays loaded for the life of the process.
    static const Result<SentencePieceModule> loaded = loadModule();
    if (!loaded)
        return loaded.error();
    return &loaded.value();
}

Result<std::string> trainSentencePiece(const std::string &args,
                                       const std::vector<std::string> &lines)
{
    auto module = SentencePieceModule::instance();
    if (!module)
        return module.error();
    std::vector<const char *> pointers;
    for (const std::string &line : lines)
        pointers.push_back(line.c_str());
    std::string model;
    char error[512] = {};
    const MbqSpmByteSink sink = [](void *context, const char *bytes, size_t size) {
        static_cast<std::string *>(context)->assign(bytes, size);
    };
    if ((*module)->train(args.c_str(), pointers.data(), pointers.size(), sink, &model, error,
                         sizeof(error))
        != 0)
        return makeError(ErrorCode::Internal, "cannot train a SentencePiece model", error);
    return model;
}

} // namespace mbq::text
