#include "inference/io/random_weights.h"

#include "inference/io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace mbq::io {

Result<void> writeTextFile(const std::string &path, const std::string &text)
{
    AtomicFile file(path);
    if (auto opened = file.open(); !opened)
        return opened;
    if (auto written = file.write(text.data(), text.size()); !written)
        return written;
    return file.commit();
}

Result<void> writeLabelledConfig(const std::string &folder, const std::string &configJson)
{
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot create " + folder + ": " + ec.message());
    nlohmann::json json = nlohmann::json::parse(configJson, nullptr, false);
    if (json.is_discarded())
        return makeError(ErrorCode::Internal, "config for " + folder + " is not JSON");
    json["_mbq_note"] = kRandomWeightsNote;
    return writeTextFile(folder + "/config.json", json.dump(2) + "\n");
}

} // namespace mbq::io
