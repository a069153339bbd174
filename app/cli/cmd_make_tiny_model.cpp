// `mbq make-tiny-model --family wan2.1 --layout official|diffusers --out DIR [--seed N]
// [--dim --layers --heads --ffn-dim --text-dim]` or `--family videocrafter2 --layout
// official|safetensors`: a random-weight model folder in the real file formats, for tests and
// demos. Its output is noise, and every file says so.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "inference/vc2_tools.h"
#include "inference/wan_tools.h"

#include <QCommandLineParser>

#include <cstdio>
#include <exception>

namespace mbq::cli {

namespace {

const char *const kUsage
    = "usage: mbq make-tiny-model --family wan2.1 --layout official|diffusers --out DIR\n"
      "                           [--seed N] [--dim N --layers N --heads N --ffn-dim N\n"
      "                           --text-dim N]\n"
      "       mbq make-tiny-model --family videocrafter2 --layout official|safetensors\n"
      "                           --out DIR [--seed N]\n"
      "Writes a model with RANDOM WEIGHTS (for tests and demos; it generates noise).\n"
      "VideoCrafter2's official layout is model.ckpt, its safetensors layout model.safetensors.\n";

} // namespace

int runMakeTinyModel(const QStringList &args)
{
    CommandLine line("mbq make-tiny-model", kUsage);
    const auto family = line.option("family", "wan2.1"), layout = line.option("layout", "official"),
               out = line.option("out"), seed = line.option("seed", "0"),
               dim = line.option("dim", "0"), layers = line.option("layers", "0"),
               heads = line.option("heads", "0"), ffnDim = line.option("ffn-dim", "0"),
               textDim = line.option("text-dim", "0");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    TinyModelOptions options;
    options.family = line.value(family).toStdString();
    options.layout = line.value(layout).toStdString();
    options.folder = line.value(out).toStdString();
    bool ok[6];
    options.seed = line.value(seed).toULongLong(&ok[0]);
    options.dim = line.value(dim).toLongLong(&ok[1]);
    options.layers = line.value(layers).toLongLong(&ok[2]);
    options.heads = line.value(heads).toLongLong(&ok[3]);
    options.ffnDim = line.value(ffnDim).toLongLong(&ok[4]);
    options.textDim = line.value(textDim).toLongLong(&ok[5]);
    for (bool parsed : ok) {
        if (!parsed)
            return line.usageError(QStringLiteral("a numeric option is not a number"));
    }
    const bool vc2 = isVc2Family(options.family) || options.family == "vc2";
    const std::string otherLayout = vc2 ? "safetensors" : "diffusers";
    if (options.folder.empty() || (options.layout != "official" && options.layout != otherLayout)) {
        return line.usageError(
            QStringLiteral("make-tiny-model needs --out and --layout official|%1")
                .arg(QString::fromStdString(otherLayout)));
    }
    auto report = makeTinyModel(options);
    if (!report) {
        std::fprintf(stderr, "mbq: %s\n", report.error().toString().c_str());
        return 1;
    }
    std::printf("wrote %s (%s layout)\n", options.folder.c_str(), options.layout.c_str());
    for (const std::string &line : report->written)
        std::printf("  %s\n", line.c_str());
    std::printf("%s\n", report->note.c_str());
    return 0;
}

} // namespace mbq::cli
