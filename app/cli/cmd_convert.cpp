// `mbq convert IN OUT.safetensors [--dtype keep|f32|f16|bf16]`: rewrites a .pth/.ckpt or
// safetensors checkpoint as one safetensors file, one tensor in memory at a time.
#include "app/cli/commands.h"
#include "inference/checkpoint_tools.h"

#include <QCommandLineParser>

#include <cstdio>
#include <exception>

namespace mbq::cli {

namespace {

const char *const kUsage
    = "usage: mbq convert IN OUT.safetensors [--dtype keep|f32|f16|bf16]\n"
      "  IN: .pth/.ckpt, .safetensors or .safetensors.index.json\n"
      "  --dtype: cast floating tensors (default keep); integer and bool tensors keep their type\n";

} // namespace

int runConvert(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption dtypeOption(QStringLiteral("dtype"), {}, QStringLiteral("dtype"),
                                         QStringLiteral("keep"));
    parser.addOption(help);
    parser.addOption(dtypeOption);
    if (!parser.parse(QStringList {QStringLiteral("mbq convert")} + args)) {
        std::fprintf(stderr, "mbq: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        std::fprintf(stderr, "mbq: convert takes IN and OUT.safetensors\n%s", kUsage);
        return 2;
    }
    if (!positional[1].endsWith(QLatin1String(".safetensors"))) {
        std::fprintf(stderr, "mbq: the output file must end in .safetensors: %s\n",
                     qPrintable(positional[1]));
        return 2;
    }
    ConvertDType dtype = ConvertDType::Keep;
    if (!parseConvertDType(parser.value(dtypeOption).toStdString(), &dtype)) {
        std::fprintf(stderr, "mbq: unknown --dtype '%s' (use keep, f32, f16 or bf16)\n",
                     qPrintable(parser.value(dtypeOption)));
        return 2;
    }

    const std::string in = positional[0].toStdString();
    const std::string out = positional[1].toStdString();
    if (auto converted = convertCheckpoint(in, out, dtype); !converted) {
        std::fprintf(stderr, "mbq: %s\n", converted.error().message.c_str());
        return 1;
    }
    auto written = inspectCheckpoint(out);
    if (!written) {
        std::fprintf(stderr, "mbq: %s\n", written.error().message.c_str());
        return 1;
    }
    std::printf("wrote %s: %zu tensors, %llu bytes\n", out.c_str(), written->tensors.size(),
                static_cast<unsigned long long>(written->totalBytes));
    return 0;
}

} // namespace mbq::cli
