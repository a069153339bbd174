// `mbq make-tiny-model --family wan2.1 --layout official|diffusers --out DIR [--seed N]
// [--dim --layers --heads --ffn-dim --text-dim]`: a random-weight model folder in the real file
// formats, for tests and demos. Its output is noise, and every file says so.
#include "app/cli/commands.h"
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
      "Writes a model with RANDOM WEIGHTS (for tests and demos; it generates noise).\n";

} // namespace

int runMakeTinyModel(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const auto valueOption = [&](const char *name, const char *fallback = "") {
        QCommandLineOption option(QString::fromLatin1(name), {}, QStringLiteral("value"),
                                  QString::fromLatin1(fallback));
        parser.addOption(option);
        return option;
    };
    parser.addOption(help);
    const auto family = valueOption("family", "wan2.1"), layout = valueOption("layout", "official"),
               out = valueOption("out"), seed = valueOption("seed", "0"),
               dim = valueOption("dim", "0"), layers = valueOption("layers", "0"),
               heads = valueOption("heads", "0"), ffnDim = valueOption("ffn-dim", "0"),
               textDim = valueOption("text-dim", "0");
    if (!parser.parse(QStringList{QStringLiteral("mbq make-tiny-model")} + args)) {
        std::fprintf(stderr, "mbq: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    TinyModelOptions options;
    options.family = parser.value(family).toStdString();
    options.layout = parser.value(layout).toStdString();
    options.folder = parser.value(out).toStdString();
    bool ok[6];
    options.seed = parser.value(seed).toULongLong(&ok[0]);
    options.dim = parser.value(dim).toLongLong(&ok[1]);
    options.layers = parser.value(layers).toLongLong(&ok[2]);
    options.heads = parser.value(heads).toLongLong(&ok[3]);
    options.ffnDim = parser.value(ffnDim).toLongLong(&ok[4]);
    options.textDim = parser.value(textDim).toLongLong(&ok[5]);
    for (bool parsed : ok) {
        if (!parsed) {
            std::fprintf(stderr, "mbq: a numeric option is not a number\n%s", kUsage);
            return 2;
        }
    }
    if (options.folder.empty() || (options.layout != "official" && options.layout != "diffusers")) {
        std::fprintf(stderr, "mbq: make-tiny-model needs --out and --layout official|diffusers\n%s",
                     kUsage);
        return 2;
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
